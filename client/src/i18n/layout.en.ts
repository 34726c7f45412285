import type { deLayout } from "./layout.de.ts";

/** English texts of the document page's layout. */
export const enLayout: typeof deLayout = {
  layout: {
    panels: "Document areas",
    closePanel: "Close area",
    insertion: "Suggested insertion:",
    deletion: "Suggested deletion:",
    commented: "Commented passage",
    markEnd: "End of passage.",
  },
};
