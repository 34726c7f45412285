import type { finalStateDe, finalStateErrorsDe } from "./finalState.de.ts";
import type { Translation } from "./Translation.ts";

/** English texts of the final state and amendments. */
export const finalStateEn: Pick<Translation, keyof typeof finalStateDe> = {
  finalState: {
    signed: "Signed on {{date}} by {{names}}",
    concluded: "Concluded on {{date}} (review by the SEM)",
    readOnly: "This document is final: its text and comments can no longer be changed.",
    readOnlyAgreement:
      "This programme agreement is signed and final: its text and comments can no longer be changed. Changes are made in an amendment.",
    nowFinal: "The last milestone is reached: the document is now final and read-only.",
    amends: "Amendment to",
    amendments_one: "Amendment:",
    amendments_other: "Amendments:",
    start: "Start an amendment",
    starting: "Creating the amendment …",
  },
};

/** English messages of the final state's error codes. */
export const finalStateErrorsEn: typeof finalStateErrorsDe = {
  document_final: "This document is final and can no longer be changed. Start an amendment.",
  not_final: "An amendment can only be started from a signed programme agreement.",
};
