import type { deComparison } from "./comparison.de.ts";

/** Italian texts of the comparison view. */
export const itComparison: typeof deComparison = {
  comparison: {
    insertion: "Inserito da {{name}}, {{at}}",
    deletion: "Eliminato da {{name}}, {{at}}",
    formatting: "Formattazione modificata da {{name}}, {{at}}",
    blockType: "Formato del paragrafo modificato da {{name}}, {{at}}",
  },
};
