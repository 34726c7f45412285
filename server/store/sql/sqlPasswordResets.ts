import type { PasswordResetStore } from "../ports/PasswordResetStore.ts";
import type { Sql } from "./Sql.ts";

/** Password reset tokens over either database. */
export function sqlPasswordResets(db: Sql): PasswordResetStore {
  return {
    async findPasswordReset(tokenHash, now) {
      const r = await db.get<{ user_id: string }>(
        "SELECT user_id FROM password_resets WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?",
        [tokenHash, now.toISOString()],
      );
      return r?.user_id ?? null;
    },
    async createPasswordReset(tokenHash, userId, createdAt, expiresAt) {
      await db.run("INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)", [
        tokenHash,
        userId,
        createdAt.toISOString(),
        expiresAt.toISOString(),
      ]);
    },
    resetPassword: (tokenHash, now, passwordHash) =>
      db.transaction(async (tx) => {
        const at = now.toISOString();
        // Marking it used first takes the row lock: of two parallel uses, one finds it used.
        const used = await tx.run(
          `UPDATE password_resets SET used_at = ?
            WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
              AND user_id IN (SELECT id FROM users WHERE deactivated_at IS NULL)`,
          [at, tokenHash, at],
        );
        if (used === 0) return null;
        const row = await tx.get<{ user_id: string }>("SELECT user_id FROM password_resets WHERE token_hash = ?", [
          tokenHash,
        ]);
        if (!row) return null;
        await tx.run("UPDATE users SET password_hash = ? WHERE id = ?", [passwordHash, row.user_id]);
        await tx.run("DELETE FROM sessions WHERE user_id = ?", [row.user_id]);
        // Every other link of the user dies with this one: a reset is one decision.
        await tx.run("UPDATE password_resets SET used_at = ? WHERE user_id = ? AND used_at IS NULL", [at, row.user_id]);
        return row.user_id;
      }),
  };
}
