import type { Language, NewUser } from "./AccountStore.ts";

/** An invitation into an organisation, as stored (its token only as a hash). */
export interface InvitationRow {
  id: string;
  email: string;
  orgId: string;
  /** The name the administrator suggested; the invitee chooses their own on accepting. */
  name: string | null;
  /** The invitation mail's language, and the new account's. */
  language: Language;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
  revokedAt: string | null;
}

/** A new invitation: open, with the hash of its token. */
export type NewInvitation = Omit<InvitationRow, "acceptedAt" | "revokedAt"> & { tokenHash: string };

/** Why accepting did not create the account. */
export type AcceptRefusal = "invalid" | "email_taken";

/** Invitations by their token's hash; an open one is neither accepted, revoked nor expired. */
export interface InvitationStore {
  createInvitation(invitation: NewInvitation): Promise<void>;
  findInvitation(id: string): Promise<InvitationRow | null>;
  /** The open invitation with this token hash at `now`, or null. */
  findOpenInvitation(tokenHash: string, now: Date): Promise<InvitationRow | null>;
  /** Open invitations of these organisations at `now`, newest first. */
  listOpenInvitations(orgIds: readonly string[], now: Date): Promise<InvitationRow[]>;
  /** Revokes an open invitation; false when it was not open. */
  revokeInvitation(id: string, at: Date): Promise<boolean>;
  /**
   * In one transaction: closes the open invitation with this token hash and creates the
   * user (its e-mail and organisation are the invitation's). Of two parallel calls exactly
   * one succeeds; nothing is written when it refuses.
   */
  acceptInvitation(
    tokenHash: string,
    now: Date,
    user: Omit<NewUser, "email" | "orgId" | "language">,
  ): Promise<{ invitation: InvitationRow } | AcceptRefusal>;
}
