import { createHash, randomBytes } from "node:crypto";
import type { Store, UserRow } from "../store/Store.ts";

/** Name of the session cookie. */
export const SESSION_COOKIE = "accord_session";

/** Only the hash of a token is stored, so a leaked database does not leak sessions. */
const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

/** Creates a session and returns its token, to be set as the cookie. */
export async function openSession(store: Store, userId: string, lifetimeMs: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await store.createSession(hashToken(token), userId, new Date(Date.now() + lifetimeMs));
  return token;
}

/** The user of a live session, or null for a missing, unknown or expired token. */
export async function sessionUser(store: Store, token: string | undefined): Promise<UserRow | null> {
  if (!token || token.length > 100) return null;
  return store.findSessionUser(hashToken(token), new Date());
}

export async function closeSession(store: Store, token: string): Promise<void> {
  await store.deleteSession(hashToken(token));
}
