import type { deLayout } from "./layout.de.ts";

/** French texts of the document page's layout. */
export const frLayout: typeof deLayout = {
  layout: {
    panels: "Zones du document",
    closePanel: "Fermer la zone",
    insertion: "Insertion proposée :",
    deletion: "Suppression proposée :",
    commented: "Passage commenté",
    markEnd: "Fin du passage.",
  },
};
