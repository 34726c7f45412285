import type { deLayout } from "./layout.de.ts";

/** Italian texts of the document page's layout. */
export const itLayout: typeof deLayout = {
  layout: {
    panels: "Sezioni del documento",
    closePanel: "Chiudere la sezione",
    insertion: "Inserimento proposto:",
    deletion: "Cancellazione proposta:",
    commented: "Passaggio commentato",
    markEnd: "Fine del passaggio.",
  },
};
