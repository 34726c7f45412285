import type { deComparison } from "./comparison.de.ts";

/** French texts of the comparison view. */
export const frComparison: typeof deComparison = {
  comparison: {
    insertion: "Inséré par {{name}}, {{at}}",
    deletion: "Supprimé par {{name}}, {{at}}",
    formatting: "Mise en forme modifiée par {{name}}, {{at}}",
    blockType: "Format de paragraphe modifié par {{name}}, {{at}}",
  },
};
