import type { marginDe } from "./margin.de.ts";
import type { Translation } from "./Translation.ts";

/** English texts of the margin beside the text. */
export const marginEn: Pick<Translation, keyof typeof marginDe> = {
  margin: {
    label: "Comments and suggestions in the margin",
  },
};
