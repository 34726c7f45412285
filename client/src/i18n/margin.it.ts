import type { marginDe } from "./margin.de.ts";
import type { Translation } from "./Translation.ts";

/** Italian texts of the margin beside the text. */
export const marginIt: Pick<Translation, keyof typeof marginDe> = {
  margin: {
    label: "Commenti e proposte a margine",
  },
};
