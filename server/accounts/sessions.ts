import { createHash, randomBytes } from "node:crypto";
import type { SessionRow, SessionStore } from "../store/ports/SessionStore.ts";

/** Name of the session cookie. */
export const SESSION_COOKIE = "accord_session";

/** Only the hash of a token is stored, so a leaked database does not leak sessions. */
const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

/** Creates a session and returns its token, to be set as the cookie. */
export async function openSession(
  store: Pick<SessionStore, "createSession">,
  userId: string,
  lifetimeMs: number,
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await store.createSession(hashToken(token), userId, new Date(Date.now() + lifetimeMs));
  return token;
}

/**
 * The live session of a token (with its user and end), or null for a missing, unknown or
 * expired token or a deactivated account. Its `tokenHash` is the session's id inside the
 * server: what open sockets are filed under, and what logout names to other instances.
 */
export async function findSession(store: SessionStore, token: string | undefined): Promise<SessionRow | null> {
  if (!token || token.length > 100) return null;
  return store.findSession(hashToken(token), new Date());
}

/** Deletes the token's session; returns its id, so that its open sockets can be closed. */
export async function closeSession(store: SessionStore, token: string): Promise<string> {
  const id = hashToken(token);
  await store.deleteSession(id);
  return id;
}
