import type { Validator } from "../Change.ts";

/** Refuses content the editor would never produce: unsafe link targets, nodes outside the schema. */
export const contentSafetyRule: Validator = (_actor, change) =>
  change.contentProblems.length > 0 ? { refuse: change.contentProblems[0] ?? "unsafe content" } : {};
