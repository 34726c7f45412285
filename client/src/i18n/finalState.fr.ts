import type { finalStateDe, finalStateErrorsDe } from "./finalState.de.ts";
import type { Translation } from "./Translation.ts";

/** French texts of the final state and amendments. */
export const finalStateFr: Pick<Translation, keyof typeof finalStateDe> = {
  finalState: {
    signed: "Signé le {{date}} par {{names}}",
    concluded: "Clos le {{date}} (examen par le SEM)",
    readOnly: "Ce document est définitif : le texte et les commentaires ne peuvent plus être modifiés.",
    readOnlyAgreement:
      "Cette convention de programme est signée et définitive : le texte et les commentaires ne peuvent plus être modifiés. Les modifications passent par un avenant.",
    nowFinal: "La dernière étape est atteinte : le document est désormais définitif et en lecture seule.",
    amends: "Avenant à",
    amendments_one: "Avenant :",
    amendments_many: "Avenants :",
    amendments_other: "Avenants :",
    start: "Commencer un avenant",
    starting: "Création de l'avenant …",
  },
};

/** French messages of the final state's error codes. */
export const finalStateErrorsFr: typeof finalStateErrorsDe = {
  document_final: "Ce document est définitif et ne peut plus être modifié. Commencez un avenant.",
  not_final: "Un avenant ne peut être commencé que pour une convention de programme signée.",
};
