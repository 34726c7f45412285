import type { deMilestones } from "./milestones.de.ts";

/** Italian names of the milestones and their approval fields. */
export const itMilestones: typeof deMilestones = {
  milestones: {
    "konzept-entwurf": "Concetto: bozza pronta per l'inoltro",
    "rrb-eingabe": "Decreto del Consiglio di Stato sull'inoltro del programma",
    "sem-pruefung": "Esame da parte della SEM concluso",
    "pv-bereinigt": "Accordo di programma definito",
    "rrb-genehmigung": "Approvazione da parte del Consiglio di Stato",
    unterzeichnung: "Firma",
    "nachtrag-bereinigt": "Aggiunta concordata",
    "nachtrag-rrb-genehmigung": "Approvazione dell'aggiunta da parte del Consiglio di Stato",
    "nachtrag-unterzeichnung": "Firma dell'aggiunta",
  },
  approvalFields: {
    rrbNumber: "Numero del decreto del Consiglio di Stato",
    rrbDate: "Data del decreto del Consiglio di Stato",
    remark: "Osservazione",
    signatory: "Firmato da",
    signedOn: "Data della firma",
  },
};
