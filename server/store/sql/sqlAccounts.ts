import type { AccountStore, UserRow } from "../ports/AccountStore.ts";
import type { SessionStore } from "../ports/SessionStore.ts";
import { toUser, type UserDbRow } from "./rows.ts";
import type { Sql } from "./Sql.ts";

const userWhere = async (db: Sql, where: string, value: string): Promise<UserRow | null> => {
  const r = await db.get<UserDbRow>(`SELECT * FROM users WHERE ${where} = ?`, [value]);
  return r ? toUser(r) : null;
};

/**
 * The active instance administrators, held until the transaction ends: a second change to
 * them waits, then reads what the first left.
 */
async function lockActiveAdministrators(tx: Sql): Promise<string[]> {
  const rows = await tx.all<{ id: string }>(
    `SELECT id FROM users WHERE instance_role = 'admin' AND deactivated_at IS NULL ORDER BY id${tx.forUpdate}`,
  );
  return rows.map((r) => r.id);
}

/** Users over either database. */
export function sqlAccounts(db: Sql): AccountStore {
  return {
    async createUser(user) {
      await db.run(
        "INSERT INTO users (id, email, name, org_id, password_hash, instance_role, language, signing_authority) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
          user.id,
          user.email,
          user.name,
          user.orgId,
          user.passwordHash,
          user.instanceRole ?? null,
          user.language ?? "de",
          user.signingAuthority ?? false,
        ],
      );
    },
    findUserByEmail: (email) => userWhere(db, "email", email),
    findUserById: (id) => userWhere(db, "id", id),
    async listUsersOf(orgIds) {
      if (orgIds.length === 0) return [];
      const where = db.inList("org_id", orgIds);
      return (
        await db.all<UserDbRow>(`SELECT * FROM users WHERE ${where.sql} ORDER BY org_id, name, id`, [where.param])
      ).map(toUser);
    },
    async recordSignIn(userId, at) {
      await db.run("UPDATE users SET last_sign_in_at = ? WHERE id = ?", [at.toISOString(), userId]);
    },
    async countUsers() {
      return (await db.get<{ n: number }>("SELECT count(*) AS n FROM users"))?.n ?? 0;
    },
    setPassword: (userId, passwordHash, keepSession) =>
      db.transaction(async (tx) => {
        const found = await tx.run("UPDATE users SET password_hash = ? WHERE id = ?", [passwordHash, userId]);
        await tx.run("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?", [userId, keepSession ?? ""]);
        return found > 0;
      }),
    setInstanceRole: (userId, role, check) =>
      db.transaction(async (tx) => {
        const refused = check ? check(await lockActiveAdministrators(tx)) : null;
        if (refused) return refused;
        return (await tx.run("UPDATE users SET instance_role = ? WHERE id = ?", [role, userId])) > 0;
      }),
    async setLanguage(userId, language) {
      return (await db.run("UPDATE users SET language = ? WHERE id = ?", [language, userId])) > 0;
    },
    async setSigningAuthority(userId, signingAuthority) {
      return (await db.run("UPDATE users SET signing_authority = ? WHERE id = ?", [signingAuthority, userId])) > 0;
    },
    async reactivateUser(userId) {
      return (await db.run("UPDATE users SET deactivated_at = NULL WHERE id = ?", [userId])) > 0;
    },
  };
}

/** A session counts while it has not expired and its user is active. */
const LIVE = "s.expires_at > ? AND u.deactivated_at IS NULL";

/** Sessions over either database. */
export function sqlSessions(db: Sql): SessionStore {
  return {
    async createSession(tokenHash, userId, expiresAt) {
      await db.run("INSERT INTO sessions (token_hash, user_id, expires_at) VALUES (?, ?, ?)", [
        tokenHash,
        userId,
        expiresAt.toISOString(),
      ]);
    },
    async findSession(tokenHash, now) {
      const r = await db.get<UserDbRow & { expires_at: string }>(
        `SELECT u.*, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND ${LIVE}`,
        [tokenHash, now.toISOString()],
      );
      return r ? { tokenHash, user: toUser(r), expiresAt: r.expires_at } : null;
    },
    async liveSessions(tokenHashes, now) {
      if (tokenHashes.length === 0) return [];
      const hashes = db.inList("s.token_hash", tokenHashes);
      const rows = await db.all<{ token_hash: string }>(
        `SELECT s.token_hash FROM sessions s JOIN users u ON u.id = s.user_id WHERE ${hashes.sql} AND ${LIVE}`,
        [hashes.param, now.toISOString()],
      );
      return rows.map((r) => r.token_hash);
    },
    async deleteSession(tokenHash) {
      await db.run("DELETE FROM sessions WHERE token_hash = ?", [tokenHash]);
    },
    deactivateUser: (userId, at, check) =>
      db.transaction(async (tx) => {
        const refused = check ? check(await lockActiveAdministrators(tx)) : null;
        if (refused) return refused;
        const found = await tx.run("UPDATE users SET deactivated_at = coalesce(deactivated_at, ?) WHERE id = ?", [
          at.toISOString(),
          userId,
        ]);
        await tx.run("DELETE FROM sessions WHERE user_id = ?", [userId]);
        return found > 0;
      }),
  };
}
