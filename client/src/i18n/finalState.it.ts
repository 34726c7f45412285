import type { finalStateDe, finalStateErrorsDe } from "./finalState.de.ts";
import type { Translation } from "./Translation.ts";

/** Italian texts of the final state and amendments. */
export const finalStateIt: Pick<Translation, keyof typeof finalStateDe> = {
  finalState: {
    signed: "Firmato il {{date}} da {{names}}",
    concluded: "Concluso il {{date}} (esame da parte della SEM)",
    readOnly: "Questo documento è definitivo: testo e commenti non possono più essere modificati.",
    readOnlyAgreement:
      "Questo accordo di programma è firmato e definitivo: testo e commenti non possono più essere modificati. Le modifiche si fanno con un'aggiunta.",
    nowFinal: "L'ultima tappa è raggiunta: il documento è ora definitivo e di sola lettura.",
    amends: "Aggiunta a",
    amendments_one: "Aggiunta:",
    amendments_many: "Aggiunte:",
    amendments_other: "Aggiunte:",
    start: "Iniziare un'aggiunta",
    starting: "Creazione dell'aggiunta …",
  },
};

/** Italian messages of the final state's error codes. */
export const finalStateErrorsIt: typeof finalStateErrorsDe = {
  document_final: "Questo documento è definitivo e non può più essere modificato. Inizi un'aggiunta.",
  not_final: "Un'aggiunta può essere iniziata solo per un accordo di programma firmato.",
};
