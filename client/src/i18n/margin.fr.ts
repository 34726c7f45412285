import type { marginDe } from "./margin.de.ts";
import type { Translation } from "./Translation.ts";

/** French texts of the margin beside the text. */
export const marginFr: Pick<Translation, keyof typeof marginDe> = {
  margin: {
    label: "Commentaires et propositions en marge",
  },
};
