import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { toOneLine } from "../../shared/api/fieldText.ts";
import type { SsoRefusal } from "../../shared/api/signInMethods.ts";
import { type AccountStore, LANGUAGES, type Language, type UserRow } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { OrganisationStore } from "../store/ports/OrganisationStore.ts";
import type { SsoClaims } from "./OidcClient.ts";

/** Longest name a provisioned account takes from the provider; longer names are cut. */
export const MAX_PROVISIONED_NAME = 100;

/** Who a single sign-on signs in, or why nobody (with the account it concerned, if any). */
export type SsoOutcome = { user: UserRow } | { refused: SsoRefusal; subjectId: string | null };

type Store = Pick<AccountStore, "findUserByEmail" | "createUser"> &
  Pick<OrganisationStore, "organisationForDomain"> &
  AuditStore;

const Email = z.string().trim().toLowerCase().email().max(254);

/**
 * A password hash no password matches: the scrypt format with random bytes, so that a
 * password attempt on a provisioned account costs the same as on any other (no timing
 * difference tells that an account signs in only through single sign-on).
 */
const unusablePasswordHash = () =>
  `scrypt$${randomBytes(16).toString("base64url")}$${randomBytes(64).toString("base64url")}`;

/**
 * Puts a refused single sign-on on record: the reason, the address, the e-mail the provider
 * named and, for a provider error, which check failed (never a token, code, state or
 * nonce); the matched account, if any, as its subject.
 */
export async function auditRefusal(
  store: AuditStore,
  reason: SsoRefusal,
  {
    email = null,
    address,
    subjectId = null,
    failure,
  }: { email?: string | null; address: string; subjectId?: string | null; failure?: string | undefined },
): Promise<void> {
  await store.appendAudit({
    userId: null,
    documentId: null,
    subjectId,
    action: "auth.sso_refused",
    detail: { reason, email, address, ...(failure ? { failure } : {}) },
  });
}

/** The provider's name on one line and bounded; the address's local part when it names none. */
export function provisionedName(claimed: string | null, email: string): string {
  const name = [...toOneLine(claimed ?? "").trim()].slice(0, MAX_PROVISIONED_NAME).join("").trim();
  return name || (email.split("@")[0] ?? email);
}

/** The language of a locale such as "fr-CH", when Accord speaks it. */
function languageOf(locale: string | null): Language | undefined {
  const language = locale?.slice(0, 2).toLowerCase();
  return LANGUAGES.find((l) => l === language);
}

/**
 * Matches a person the provider signed in to an account: by verified e-mail to an existing
 * one, else by the address's domain to an organisation that provisions accounts on first
 * sign-in. A provisioning is audited here; a refusal by the caller (`auditRefusal`, which
 * bounds how many it records), the sign-in itself by `signIn`.
 *
 * Accounts are matched by e-mail every time, not linked to the provider's `sub`: the
 * address is the identity that the directory, invitations and passwords share, and the
 * provider (eIAM) is the authority over who holds it. A person who leaves is deactivated,
 * so a reassigned address meets a deactivated account and is refused.
 */
export async function accountForClaims(store: Store, claims: SsoClaims, address: string): Promise<SsoOutcome> {
  const refuse = (reason: SsoRefusal, subjectId: string | null = null): SsoOutcome => ({ refused: reason, subjectId });
  const email = Email.safeParse(claims.email);
  if (!email.success) return refuse("no_email");
  // An unverified address proves nothing: anyone may type anyone's address at some providers.
  if (!claims.emailVerified) return refuse("email_unverified");

  const existing = await store.findUserByEmail(email.data);
  if (existing) {
    if (existing.deactivatedAt !== null) return refuse("account_deactivated", existing.id);
    return { user: existing };
  }

  const domain = email.data.slice(email.data.lastIndexOf("@") + 1);
  const org = await store.organisationForDomain(domain);
  if (!org) return refuse("unknown_domain");
  if (!org.active || !org.ssoProvisioning) return refuse("no_account");

  const id = `u-${randomUUID()}`;
  try {
    await store.createUser({
      id,
      email: email.data,
      name: provisionedName(claims.name, email.data),
      orgId: org.id,
      passwordHash: unusablePasswordHash(),
      language: languageOf(claims.locale),
    });
  } catch (err) {
    // Two first sign-ins at once: the other one created the account; use it.
    const raced = await store.findUserByEmail(email.data);
    if (raced && raced.deactivatedAt === null) return { user: raced };
    throw err;
  }
  const user = await store.findUserByEmail(email.data);
  if (!user) throw new Error("a provisioned account could not be read back");
  await store.appendAudit({
    userId: user.id,
    documentId: null,
    subjectId: user.id,
    action: "account.provisioned",
    detail: { orgId: org.id, method: "oidc", address },
  });
  return { user };
}
