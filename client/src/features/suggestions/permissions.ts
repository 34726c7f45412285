import { canEditContent, type Role } from "../../../../shared/roles.ts";
import type { SuggestionSummary } from "../../../../shared/suggestions/list.ts";

// What the UI offers mirrors the server's suggestion rule, which enforces it on every update.

export interface Reviewer {
  id: string;
  orgId: string;
  role: Role;
}

/** Suggesters always suggest; owners and editors choose. */
export const suggestingForced = (role: Role): boolean => role === "suggester";
export const canSuggest = (role: Role): boolean => canEditContent(role) || role === "suggester";

/**
 * Owners and editors accept; with cross-party acceptance only a party other than the
 * suggester's: a member of their own organisation, or of one that is no party, does not.
 */
export function canAccept(
  me: Reviewer,
  s: SuggestionSummary,
  crossParty: { on: boolean; parties: readonly string[] },
): boolean {
  if (!canEditContent(me.role)) return false;
  if (!crossParty.on) return true;
  return crossParty.parties.includes(me.orgId) && s.origin !== null && s.origin.orgId !== me.orgId;
}

/** Owners and editors reject any suggestion; its author may always withdraw it. */
export const canReject = (me: Reviewer, s: SuggestionSummary): boolean =>
  canEditContent(me.role) || (canSuggest(me.role) && s.origin?.userId === me.id);
