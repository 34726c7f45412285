import { canEditContent } from "../../../shared/roles.ts";
import type { Actor, Validator } from "../Change.ts";

/**
 * Why `actor` may change nothing at all, or null. Asked before the update is even looked at
 * (see `UpdatePolicy.evaluate`), so a viewer's update never costs the shadow a thing.
 */
export const refusedActor = (actor: Actor): string | null =>
  actor.role === "viewer" ? "viewers cannot change the document" : null;

/**
 * Who may touch what: only owners and editors change the content (suggesters add
 * suggestions to it, judged by suggestionRule); nobody writes shared types outside
 * content and comments. Viewers never get here (`refusedActor`), nor do updates that
 * would wait for missing dependencies: see `UpdatePolicy.evaluate`.
 */
export const roleRule: Validator = (actor, change) => {
  if (change.foreignRoots.length > 0) {
    return { refuse: `unknown shared type: ${change.foreignRoots.join(", ")}` };
  }
  if (!canEditContent(actor.role)) {
    // A suggester changes the content too, within what suggestionRule allows.
    if (change.contentChanged && actor.role !== "suggester")
      return { refuse: `a ${actor.role} cannot change the text` };
  }
  return {};
};
