import type { deMilestones } from "./milestones.de.ts";

/** French names of the milestones and their approval fields. */
export const frMilestones: typeof deMilestones = {
  milestones: {
    "konzept-entwurf": "Concept : projet prêt à être déposé",
    "rrb-eingabe": "Arrêté du Conseil d'État sur le dépôt du programme",
    "sem-pruefung": "Examen par le SEM terminé",
    "pv-bereinigt": "Convention-programme mise au point",
    "rrb-genehmigung": "Approbation par le Conseil d'État",
    unterzeichnung: "Signature",
    "nachtrag-bereinigt": "Avenant mis au point",
    "nachtrag-rrb-genehmigung": "Approbation de l'avenant par le Conseil d'État",
    "nachtrag-unterzeichnung": "Signature de l'avenant",
  },
  approvalFields: {
    rrbNumber: "Numéro de l'arrêté du Conseil d'État",
    rrbDate: "Date de l'arrêté du Conseil d'État",
    remark: "Remarque",
    signatory: "Signé par",
    signedOn: "Date de la signature",
  },
};
