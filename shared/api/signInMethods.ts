import { z } from "zod";

/**
 * Why a single sign-on did not sign anyone in. The server sends the browser to
 * `#/sso-refused/<reason>`; the client explains each in the user's language.
 */
export const SSO_REFUSALS = [
  /** The provider's answer could not be verified (state, code, ID token) or the provider reported an error. */
  "provider_error",
  /** The sign-in took longer than ten minutes, or was finished in another browser than it started in. */
  "flow_expired",
  /** The provider named no usable e-mail address. */
  "no_email",
  /** The provider did not confirm that the address belongs to the person. */
  "email_unverified",
  /** No organisation of this deployment has the address's domain. */
  "unknown_domain",
  /** The domain's organisation creates no accounts on first sign-in (or is inactive), and there is none. */
  "no_account",
  "account_deactivated",
] as const;
export const SsoRefusal = z.enum(SSO_REFUSALS);
export type SsoRefusal = z.infer<typeof SsoRefusal>;

/** `GET /api/auth/methods` (public): how one may sign in here; `oidc` null when single sign-on is off. */
export const SignInMethods = z.object({
  password: z.literal(true),
  oidc: z.object({ label: z.string().nullable(), startUrl: z.string() }).nullable(),
});
export type SignInMethods = z.infer<typeof SignInMethods>;
