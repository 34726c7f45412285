import { randomUUID } from "node:crypto";
import type { InvitationCreated, InvitationSummary, PublicInvitation } from "../../shared/api/accountSchemas.ts";
import type { Config } from "../config.ts";
import { accountExists, badRequest, forbidden, notFound } from "../errors.ts";
import type { Logger } from "../log.ts";
import { composeMail, formatMailTime } from "../mail/composeMail.ts";
import type { MailQueue } from "../mail/MailQueue.ts";
import type { AccountStore, Language, UserRow } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { InvitationRow, InvitationStore } from "../store/ports/InvitationStore.ts";
import type { OrganisationRow, OrganisationStore } from "../store/ports/OrganisationStore.ts";
import { administers } from "./administration.ts";
import { checkNewPassword } from "./passwordRules.ts";
import { hashPassword } from "./passwords.ts";
import { hashToken, isTokenShaped, newToken } from "./tokens.ts";

export interface InvitationDeps {
  store: InvitationStore & AccountStore & OrganisationStore & AuditStore;
  mail: MailQueue;
  config: Pick<Config, "publicUrl" | "invitationTtlMs">;
  log: Logger;
}

/** The accept page is a client route after `#`: browsers send no fragment to servers, proxies or in a Referer. */
export const invitationUrl = (publicUrl: string, token: string): string => `${publicUrl}/#/invitation/${token}`;

/** An organisation's name as a reader of `language` expects it (the table has de, fr, it). */
export const organisationNameIn = (org: Pick<OrganisationRow, "name">, language: Language): string =>
  language === "en" ? org.name.de : org.name[language];

const summary = (i: InvitationRow): InvitationSummary => ({
  id: i.id,
  email: i.email,
  orgId: i.orgId,
  name: i.name,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
});

/** The organisation `orgId` if `actor` administers it: 403 otherwise, 404 for none (to an administrator). */
async function administeredOrganisation(deps: InvitationDeps, actor: UserRow, orgId: string): Promise<OrganisationRow> {
  if (!administers(actor, orgId)) throw forbidden("you do not administer this organisation");
  const org = await deps.store.findOrganisation(orgId);
  if (!org) throw notFound("organisation");
  return org;
}

/**
 * Invites `email` into an organisation the actor administers. With SMTP the link is
 * mailed and not shown; without, it goes to the outbox and back to the administrator to
 * copy (also when sending failed). 409 for an address that already has an account.
 */
export async function invite(
  deps: InvitationDeps,
  actor: UserRow,
  request: { email: string; orgId: string; name?: string | undefined; language?: Language | undefined },
): Promise<InvitationCreated> {
  const org = await administeredOrganisation(deps, actor, request.orgId);
  if (!org.active) throw badRequest("this organisation is deactivated");
  // Accepting sets a password and signs in with it: not where the organisation allows single sign-on only.
  if (!org.passwordSignIn) throw badRequest("this organisation signs in through single sign-on only");
  // Single sign-on matches accounts by e-mail: an address of another organisation's domain
  // invited here would catch its owner's later sign-in in an account this inviter set up.
  const domainOwner = await deps.store.organisationForDomain(request.email.slice(request.email.lastIndexOf("@") + 1));
  if (domainOwner && domainOwner.id !== org.id) throw badRequest("this address belongs to another organisation");
  if (await deps.store.findUserByEmail(request.email)) throw accountExists();
  const { token, hash } = newToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + deps.config.invitationTtlMs);
  const language = request.language ?? actor.language;
  const id = randomUUID();
  await deps.store.createInvitation({
    id,
    tokenHash: hash,
    email: request.email,
    orgId: org.id,
    name: request.name ?? null,
    language,
    invitedBy: actor.id,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
  });
  await deps.store.appendAudit({
    userId: actor.id,
    documentId: null,
    action: "invitation.created",
    detail: { invitationId: id, email: request.email, orgId: org.id },
  });
  const url = invitationUrl(deps.config.publicUrl, token);
  const message = composeMail(
    "invitation",
    language,
    {
      name: request.name ?? null,
      orgName: organisationNameIn(org, language),
      inviterName: actor.name,
      expiresAt: formatMailTime(expiresAt, language),
    },
    url,
  );
  let mailed = false;
  try {
    await deps.mail.deliver({ ...message, to: request.email, orgId: org.id, userId: null, kind: "invitation" });
    mailed = deps.mail.delivers;
  } catch (err) {
    deps.log.warn("invitation not mailed; its link is shown to the administrator", {
      invitationId: id,
      error: err instanceof Error ? err.message : String(err),
    });
  }
  return { id, url: mailed ? null : url, expiresAt: expiresAt.toISOString(), mailed };
}

/** The open invitations of an organisation the actor administers. */
export async function listInvitations(
  deps: InvitationDeps,
  actor: UserRow,
  orgId: string,
): Promise<InvitationSummary[]> {
  await administeredOrganisation(deps, actor, orgId);
  return (await deps.store.listOpenInvitations([orgId], new Date())).map(summary);
}

/** Revokes an open invitation of an organisation the actor administers; 404 when it is not open. */
export async function revokeInvitation(deps: InvitationDeps, actor: UserRow, id: string): Promise<void> {
  const invitation = await deps.store.findInvitation(id);
  if (!invitation) throw notFound("invitation");
  if (!administers(actor, invitation.orgId)) throw forbidden("you do not administer this organisation");
  if (!(await deps.store.revokeInvitation(id, new Date()))) throw notFound("invitation");
  await deps.store.appendAudit({
    userId: actor.id,
    documentId: null,
    action: "invitation.revoked",
    detail: { invitationId: id, email: invitation.email, orgId: invitation.orgId },
  });
}

/**
 * The open invitation of a token and its organisation; unknown, used, expired, revoked and
 * malformed tokens are all the same 404. So is a link into an organisation that was
 * deactivated or switched to single sign-on only after it was sent: `invite` would refuse
 * it now, and accepting sets a password and signs in with it.
 */
async function openInvitation(
  deps: InvitationDeps,
  token: string,
): Promise<{ invitation: InvitationRow; org: OrganisationRow }> {
  const invitation = isTokenShaped(token) ? await deps.store.findOpenInvitation(hashToken(token), new Date()) : null;
  const org = invitation ? await deps.store.findOrganisation(invitation.orgId) : null;
  if (!invitation || !org?.active || !org.passwordSignIn) throw notFound("invitation");
  return { invitation, org };
}

/** What the holder of an invitation link may see: its e-mail, organisation and expiry. */
export async function describeInvitation(deps: InvitationDeps, token: string): Promise<PublicInvitation> {
  const { invitation, org } = await openInvitation(deps, token);
  return {
    email: invitation.email,
    name: invitation.name,
    organisation: { id: org.id, name: org.name },
    expiresAt: invitation.expiresAt,
  };
}

/**
 * Accepts an invitation: the account is created in its organisation with its e-mail,
 * atomically and once. Returns the new user, to be signed in. 404 as for a bad token when
 * the address got an account meanwhile: the public route tells nothing about accounts.
 */
export async function acceptInvitation(
  deps: InvitationDeps,
  token: string,
  request: { name: string; password: string },
): Promise<UserRow> {
  const { invitation } = await openInvitation(deps, token);
  checkNewPassword(request.password, { email: invitation.email, name: request.name });
  const userId = `u-${randomUUID()}`;
  const accepted = await deps.store.acceptInvitation(hashToken(token), new Date(), {
    id: userId,
    name: request.name,
    passwordHash: await hashPassword(request.password),
  });
  if (typeof accepted === "string") throw notFound("invitation");
  await deps.store.appendAudit({
    userId,
    documentId: null,
    action: "account.joined",
    detail: { invitationId: invitation.id, orgId: invitation.orgId, invitedBy: invitation.invitedBy },
  });
  const user = await deps.store.findUserById(userId);
  if (!user) throw notFound("invitation");
  return user;
}
