import type { Validator } from "../Change.ts";

/**
 * While a milestone awaits approval the text is frozen for every role, owners included:
 * the version being approved must stay the document's text. Comments remain possible.
 */
export const lockRule: Validator = (_actor, change, document) =>
  document.locked && change.contentChanged
    ? { refuse: "the document is locked while a milestone awaits approval" }
    : {};
