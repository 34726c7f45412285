import type { sectionsDe, sectionsErrorsDe } from "./sections.de.ts";
import type { Translation } from "./Translation.ts";

/** Italian texts of the negotiation status per section and of the checks. */
export const sectionsIt: Pick<Translation, keyof typeof sectionsDe> = {
  sections: {
    status: { open: "aperto", discussion: "in discussione", settled: "concordato" },
    bereinigt: "concordato da entrambe le parti",
    partyStatus: "{{party}}: {{status}}",
    yourStatus: "Stato {{party}}",
    failed: "Lo stato non è stato salvato.",
  },
  checks: {
    title: "Punti di controllo",
    refresh: "Aggiorna",
    allOk: "Tutto in ordine",
    loading: "Verifica in corso …",
    sectionsUnsettled: "La sezione «{{title}}» non è concordata da entrambe le parti",
    sectionsOk: "Tutte le sezioni sono concordate da entrambe le parti",
    suggestionsOpen: "Proposta aperta: «{{text}}»",
    suggestionsOk: "Nessuna proposta aperta",
    threadsOpen: "Commento aperto su «{{quote}}»",
    threadsOk: "Nessun commento aperto",
    unknown: "Punto di controllo {{id}}",
    overrideLabel: "Motivo per cui si richiede comunque",
    overrideHint: "Il motivo è registrato nella versione e stampato in ogni esportazione.",
  },
};

/** Italian message of the checks error code. */
export const sectionsErrorsIt: typeof sectionsErrorsDe = {
  checks_failing:
    "Punti di controllo aperti impediscono questa tappa (p. es. sezioni non concordate). Risolveteli o indicate un motivo.",
};
