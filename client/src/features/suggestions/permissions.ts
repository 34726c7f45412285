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

/** Owners and editors accept, except (with cross-party acceptance) their own organisation's suggestions. */
export function canAccept(me: Reviewer, s: SuggestionSummary, crossParty: boolean): boolean {
  if (!canEditContent(me.role)) return false;
  return !crossParty || (s.origin !== null && s.origin.orgId !== me.orgId);
}

/** Owners and editors reject any suggestion; its author may always withdraw it. */
export const canReject = (me: Reviewer, s: SuggestionSummary): boolean =>
  canEditContent(me.role) || (canSuggest(me.role) && s.origin?.userId === me.id);
