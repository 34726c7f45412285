import type { Validator } from "../Change.ts";

/**
 * Once the last milestone is reached the document is final, a signed legal text: nothing
 * changes any more for any role, owners included. Comments are refused too: a thread opened
 * on a signed text reads as if the text were still under discussion, and the version the
 * parties signed would gain annotations nobody signed. Changes go into an amendment.
 */
export const finalRule: Validator = (_actor, change, document) =>
  document.final && (change.contentChanged || change.threads.length > 0 || change.foreignRoots.length > 0)
    ? { refuse: "the document is final: its last milestone is reached; start an amendment to change it" }
    : {};
