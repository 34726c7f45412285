/**
 * German names of the milestones and their approval fields, by milestone id and field key
 * (shared/milestones/templates.ts). The server keeps its German labels for exports; the UI
 * shows these, and the label the server sent for an id it does not know.
 */
export const deMilestones = {
  milestones: {
    "konzept-entwurf": "Konzept: Entwurf bereit zur Eingabe",
    "rrb-eingabe": "Regierungsratsbeschluss (RRB) zur Programmeingabe",
    "sem-pruefung": "Prüfung durch das SEM abgeschlossen",
    "pv-bereinigt": "Programmvereinbarung bereinigt",
    "rrb-genehmigung": "Genehmigung durch den Regierungsrat",
    unterzeichnung: "Unterzeichnung",
    "nachtrag-bereinigt": "Nachtrag bereinigt",
    "nachtrag-rrb-genehmigung": "Genehmigung des Nachtrags durch den Regierungsrat",
    "nachtrag-unterzeichnung": "Unterzeichnung des Nachtrags",
  },
  approvalFields: {
    rrbNumber: "RRB-Nummer",
    rrbDate: "Datum des RRB",
    remark: "Bemerkung",
    signatory: "Unterzeichnet durch",
    signedOn: "Datum der Unterzeichnung",
  },
};
