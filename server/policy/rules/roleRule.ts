import { canEditContent } from "../../../shared/roles.ts";
import type { Validator } from "../Change.ts";

/**
 * Who may touch what: only owners and editors change the content (suggesters add
 * suggestions to it, judged by suggestionRule); nobody writes shared
 * types outside content and comments. (Updates that would wait for missing dependencies
 * are refused for every role before the validators run: see `UpdatePolicy.evaluate`.)
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
  }
  return {};
};
