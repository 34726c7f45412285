import type { deComparison } from "./comparison.de.ts";

/** English texts of the comparison view. */
export const enComparison: typeof deComparison = {
  comparison: {
    insertion: "Inserted by {{name}}, {{at}}",
    deletion: "Deleted by {{name}}, {{at}}",
    formatting: "Formatting changed by {{name}}, {{at}}",
    blockType: "Paragraph style changed by {{name}}, {{at}}",
  },
};
