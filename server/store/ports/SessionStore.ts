import type { AdministratorCheck, UserRow } from "./AccountStore.ts";

/** A live session: it exists, has not expired, and its user is active. */
export interface SessionRow {
  tokenHash: string;
  user: UserRow;
  expiresAt: string;
}

/** Sessions (by the hash of their token) and the deactivation that ends them all. */
export interface SessionStore {
  createSession(tokenHash: string, userId: string, expiresAt: Date): Promise<void>;
  /** The session if it exists, has not expired and its user is not deactivated. */
  findSession(tokenHash: string, now: Date): Promise<SessionRow | null>;
  /** Those of `tokenHashes` that `findSession` would still find at `now` (one query for many open sockets). */
  liveSessions(tokenHashes: readonly string[], now: Date): Promise<string[]>;
  deleteSession(tokenHash: string): Promise<void>;
  /**
   * Deactivates an account and deletes every session of it, in one transaction; a second
   * call keeps the first time. False for an unknown user; "last_admin" when `check` refuses
   * (judged as for `setInstanceRole`), changing nothing.
   */
  deactivateUser(userId: string, at: Date, check?: AdministratorCheck): Promise<boolean | "last_admin">;
}
