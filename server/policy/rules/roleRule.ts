import { canEditContent } from "../../../shared/roles.ts";
import type { Validator } from "../Change.ts";

/**
 * Who may touch what: only owners and editors change the content (suggesters add
 * suggestions to it, judged by suggestionRule); nobody writes shared
 * types outside content and comments; restricted roles may not leave updates pending,
 * because a pending struct could later integrate as part of someone else's update.
 */
export const roleRule: Validator = (actor, change) => {
  if (actor.role === "viewer") return { refuse: "viewers cannot change the document" };
  if (change.foreignRoots.length > 0) {
    return { refuse: `unknown shared type: ${change.foreignRoots.join(", ")}` };
  }
  if (!canEditContent(actor.role)) {
    // A suggester changes the content too, within what suggestionRule allows.
    if (change.contentChanged && actor.role !== "suggester")
      return { refuse: `a ${actor.role} cannot change the text` };
    if (change.pendingGrew) return { refuse: "updates with missing dependencies are not accepted for this role" };
  }
  return {};
};
