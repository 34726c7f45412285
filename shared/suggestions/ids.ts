/**
 * Who made a suggestion and when, carried in the suggestion's id. The suggest-changes
 * library keeps only an `id` on its marks and copies it verbatim when it merges or
 * splits a suggestion, so attribution that lives in the id survives every library
 * operation and every Yjs round trip. The server checks the id against the connection's
 * user; the UI reads author, organisation and time from it.
 *
 * Format: `s1|<userId>|<orgId>|<epoch ms>|<random>`.
 */
export interface SuggestionAuthor {
  userId: string;
  orgId: string;
}

export interface SuggestionOrigin extends SuggestionAuthor {
  /** Epoch milliseconds when the suggestion was started. */
  at: number;
}

const PREFIX = "s1";
const PART = /^[A-Za-z0-9._@-]{1,64}$/;

export function makeSuggestionId(author: SuggestionAuthor, at: number, random: string): string {
  return [PREFIX, author.userId, author.orgId, String(at), random].join("|");
}

/** A short random token that keeps two suggestions made in the same millisecond apart (not a secret). */
export function randomToken(): string {
  return Math.random().toString(36).slice(2, 10).padEnd(8, "0");
}

/** The origin encoded in `id`, or null for an id Accord did not make (never trusted). */
export function parseSuggestionId(id: unknown): SuggestionOrigin | null {
  if (typeof id !== "string" || id.length > 256) return null;
  const parts = id.split("|");
  if (parts.length !== 5 || parts[0] !== PREFIX) return null;
  const [, userId, orgId, at, random] = parts as [string, string, string, string, string];
  if (!PART.test(userId) || !PART.test(orgId) || !PART.test(random) || !/^\d{1,15}$/.test(at)) return null;
  return { userId, orgId, at: Number(at) };
}
