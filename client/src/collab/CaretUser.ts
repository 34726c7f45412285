import { z } from "zod";
import type { User } from "../../../shared/api/schemas.ts";
import { NEUTRAL_COLOUR } from "../lib/organisationOf.ts";

/**
 * What each client publishes about its user in the awareness field `user`: shown on the
 * caret label and in the presence list. Remote states are untrusted input, so they are
 * parsed with this schema before use (the server stamps them with the session's identity; this is a second line of defence).
 */
export const CaretUser = z.object({
  id: z.string().max(200),
  name: z.string().max(200),
  orgName: z.string().max(200),
  // Used in inline styles: only plain hex colours, nothing that could smuggle other CSS.
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type CaretUser = z.infer<typeof CaretUser>;

/**
 * The awareness identity of the signed-in user: name, and the organisation's short name and
 * colour as the server describes it (`look`); without one, its full name and a neutral colour.
 */
export function caretUserOf(user: User, look?: { shortName: string; colour: string }): CaretUser {
  return {
    id: user.id,
    name: user.name,
    orgName: look?.shortName ?? user.orgName,
    color: look?.colour ?? NEUTRAL_COLOUR,
  };
}

/** The caret label, e.g. "Anna Muster (Kanton SO)"; it always starts with the user's name. */
export const caretLabel = (user: CaretUser): string => `${user.name} (${user.orgName})`;
