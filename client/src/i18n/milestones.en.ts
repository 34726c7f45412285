import type { deMilestones } from "./milestones.de.ts";

/** English names of the milestones and their approval fields. */
export const enMilestones: typeof deMilestones = {
  milestones: {
    "konzept-entwurf": "Concept: draft ready for submission",
    "rrb-eingabe": "Government council decision (RRB) on the programme submission",
    "sem-pruefung": "Review by the SEM completed",
    "pv-bereinigt": "Programme agreement settled",
    "rrb-genehmigung": "Approval by the government council",
    unterzeichnung: "Signature",
    "nachtrag-bereinigt": "Amendment settled",
    "nachtrag-rrb-genehmigung": "Approval of the amendment by the government council",
    "nachtrag-unterzeichnung": "Signature of the amendment",
  },
  approvalFields: {
    rrbNumber: "Number of the government council decision (RRB)",
    rrbDate: "Date of the government council decision (RRB)",
    remark: "Remark",
    signatory: "Signed by",
    signedOn: "Date of signature",
  },
};
