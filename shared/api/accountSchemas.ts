import { z } from "zod";
import { OneLineText } from "./fieldText.ts";

/** Request and response bodies of accounts, invitations, passwords and administration (issue 13). */

export const ACCOUNT_LANGUAGES = ["de", "fr", "it", "en"] as const;
export const AccountLanguage = z.enum(ACCOUNT_LANGUAGES);
export type AccountLanguage = z.infer<typeof AccountLanguage>;

export const INSTANCE_ROLE_NAMES = ["admin", "org_admin"] as const;
export const InstanceRoleName = z.enum(INSTANCE_ROLE_NAMES);
export type InstanceRoleName = z.infer<typeof InstanceRoleName>;

export const Email = z.string().trim().toLowerCase().email().max(254);
/** A password as typed; what makes it acceptable is the server's rule (length, common list). */
export const Password = z.string().min(1).max(1024);
/** A person's name: one line, as it appears beside their comments and approvals. */
export const PersonName = z.string().trim().min(1).max(100).pipe(OneLineText);
export const OrgIdField = z.string().min(1).max(64);

/** POST /api/invitations. */
export const InvitationRequest = z
  .object({ email: Email, orgId: OrgIdField, name: PersonName.optional(), language: AccountLanguage.optional() })
  .strict();
export type InvitationRequest = z.input<typeof InvitationRequest>;

/** Answer to POST /api/invitations: `url` only when it was not mailed, for the administrator to pass on. */
export const InvitationCreated = z.object({
  id: z.string(),
  url: z.string().nullable(),
  expiresAt: z.string(),
  mailed: z.boolean(),
});
export type InvitationCreated = z.infer<typeof InvitationCreated>;

/** An open invitation as administrators see it (never its token). */
export const InvitationSummary = z.object({
  id: z.string(),
  email: z.string(),
  orgId: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type InvitationSummary = z.infer<typeof InvitationSummary>;

/** GET /api/invitations/:token (public): what the invitee needs to decide, nothing more. */
export const PublicInvitation = z.object({
  email: z.string(),
  name: z.string().nullable(),
  organisation: z.object({ id: z.string(), name: z.object({ de: z.string(), fr: z.string(), it: z.string() }) }),
  expiresAt: z.string(),
});
export type PublicInvitation = z.infer<typeof PublicInvitation>;

export const AcceptInvitationRequest = z.object({ name: PersonName, password: Password }).strict();
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequest>;

export const PasswordChangeRequest = z.object({ current: Password, next: Password }).strict();
export type PasswordChangeRequest = z.infer<typeof PasswordChangeRequest>;

export const ResetRequest = z.object({ email: Email }).strict();
export const ResetPasswordRequest = z.object({ password: Password }).strict();

/** PATCH /api/me: the signed-in user's own settings. */
export const AccountUpdate = z.object({ language: AccountLanguage }).strict();

/** A person in an organisation's directory, for its administrators. */
export const DirectoryEntry = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  orgId: z.string(),
  active: z.boolean(),
  lastSignInAt: z.string().nullable(),
  instanceRole: InstanceRoleName.nullable(),
  /** May be named as a signatory of the organisation on a signature milestone. */
  signingAuthority: z.boolean(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntry>;

/** PATCH /api/admin/users/:id. */
export const UserAdminChange = z
  .object({
    active: z.boolean().optional(),
    instanceRole: InstanceRoleName.nullable().optional(),
    signingAuthority: z.boolean().optional(),
  })
  .strict()
  .refine(
    (r) => r.active !== undefined || r.instanceRole !== undefined || r.signingAuthority !== undefined,
    "nothing to change",
  );
export type UserAdminChange = z.infer<typeof UserAdminChange>;

/** `?orgId=` of the administrators' lists. */
export const OrgQuery = z.object({ orgId: OrgIdField });
export const OutboxQuery = z.object({
  orgId: OrgIdField.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A message in the local outbox (no SMTP configured). */
export const OutboxMessage = z.object({
  id: z.number(),
  at: z.string(),
  recipient: z.string(),
  orgId: z.string(),
  kind: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
});
export type OutboxMessage = z.infer<typeof OutboxMessage>;
