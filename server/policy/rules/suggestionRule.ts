import { canEditContent } from "../../../shared/roles.ts";
import { attributionViolation, crossPartyViolation, suggestOnlyViolation } from "../../../shared/suggestions/rules.ts";
import type { Validator } from "../Change.ts";

/**
 * Suggestions on the raw protocol:
 * - a suggester's update must leave the text unchanged once their own suggestions are
 *   withdrawn, and every suggestion it adds must be theirs (shared/suggestions/rules.ts);
 * - anyone who adds a suggestion adds it under their own name, except that whoever
 *   accepted or rejected a suggestion a moment ago may bring it back unchanged (undo);
 * - with cross-party acceptance on, a suggestion is accepted only by a party other than
 *   its author's: a member of a non-party organisation accepts none (its author may still
 *   withdraw it).
 * Only the top-level blocks the update touched are compared.
 */
export const suggestionRule: Validator = (actor, change, document) => {
  if (!change.contentChanged) return {};
  const author = { userId: actor.user.id, orgId: actor.user.orgId };
  let reason: string | null = null;
  if (actor.role === "suggester") {
    reason = suggestOnlyViolation(change.region(), author, document.now);
  } else if (canEditContent(actor.role)) {
    const region = change.region();
    reason =
      attributionViolation(region, author, document.now, actor.restorable) ??
      (document.crossPartyAcceptance ? crossPartyViolation(region, author, document.parties) : null);
  }
  return reason ? { refuse: reason } : {};
};
