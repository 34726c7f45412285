import type { Language } from "../ports/AccountStore.ts";
import type { AcceptRefusal, InvitationRow, InvitationStore } from "../ports/InvitationStore.ts";
import type { Sql } from "./Sql.ts";

interface InvitationDbRow {
  id: string;
  email: string;
  org_id: string;
  name: string | null;
  language: Language;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

const toInvitation = (r: InvitationDbRow): InvitationRow => ({
  id: r.id,
  email: r.email,
  orgId: r.org_id,
  name: r.name,
  language: r.language,
  invitedBy: r.invited_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  acceptedAt: r.accepted_at,
  revokedAt: r.revoked_at,
});

const OPEN = "accepted_at IS NULL AND revoked_at IS NULL AND expires_at > ?";

/** Thrown inside the accepting transaction to roll it back with a reason. */
class Refused extends Error {
  constructor(readonly reason: AcceptRefusal) {
    super(reason);
  }
}

/** Invitations over either database. */
export function sqlInvitations(db: Sql): InvitationStore {
  return {
    async createInvitation(i) {
      await db.run(
        `INSERT INTO invitations (id, token_hash, email, org_id, name, language, invited_by, created_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [i.id, i.tokenHash, i.email, i.orgId, i.name, i.language, i.invitedBy, i.createdAt, i.expiresAt],
      );
    },
    async findInvitation(id) {
      const r = await db.get<InvitationDbRow>("SELECT * FROM invitations WHERE id = ?", [id]);
      return r ? toInvitation(r) : null;
    },
    async findOpenInvitation(tokenHash, now) {
      const r = await db.get<InvitationDbRow>(`SELECT * FROM invitations WHERE token_hash = ? AND ${OPEN}`, [
        tokenHash,
        now.toISOString(),
      ]);
      return r ? toInvitation(r) : null;
    },
    async listOpenInvitations(orgIds, now) {
      if (orgIds.length === 0) return [];
      const where = db.inList("org_id", orgIds);
      const rows = await db.all<InvitationDbRow>(
        `SELECT * FROM invitations WHERE ${where.sql} AND ${OPEN} ORDER BY created_at DESC, id`,
        [where.param, now.toISOString()],
      );
      return rows.map(toInvitation);
    },
    async revokeInvitation(id, at) {
      const changed = await db.run(`UPDATE invitations SET revoked_at = ? WHERE id = ? AND ${OPEN}`, [
        at.toISOString(),
        id,
        at.toISOString(),
      ]);
      return changed > 0;
    },
    async acceptInvitation(tokenHash, now, user) {
      try {
        return await db.transaction(async (tx) => {
          // Closing the invitation first takes its row lock: a parallel accept waits here and
          // then finds it closed, so exactly one of them creates the account.
          const closed = await tx.run(`UPDATE invitations SET accepted_at = ? WHERE token_hash = ? AND ${OPEN}`, [
            now.toISOString(),
            tokenHash,
            now.toISOString(),
          ]);
          if (closed === 0) throw new Refused("invalid");
          const row = await tx.get<InvitationDbRow>("SELECT * FROM invitations WHERE token_hash = ?", [tokenHash]);
          if (!row) throw new Refused("invalid");
          if (await tx.get("SELECT id FROM users WHERE email = ?", [row.email])) throw new Refused("email_taken");
          await tx.run(
            "INSERT INTO users (id, email, name, org_id, password_hash, instance_role, language) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [user.id, row.email, user.name, row.org_id, user.passwordHash, user.instanceRole ?? null, row.language],
          );
          await tx.run("UPDATE invitations SET accepted_by = ? WHERE id = ?", [user.id, row.id]);
          return { invitation: toInvitation(row) };
        });
      } catch (err) {
        if (err instanceof Refused) return err.reason;
        throw err;
      }
    },
  };
}
