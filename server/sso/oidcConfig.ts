import { z } from "zod";
import { hasUnprintable } from "../../shared/api/fieldText.ts";

/** The path Accord answers the provider's redirect on; OIDC_REDIRECT_URL must name it. */
export const OIDC_CALLBACK_PATH = "/api/auth/oidc/callback";

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** True for a URL over HTTPS, or over plain HTTP to this machine only (a provider in a test, a local proxy). */
function isSecureUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname));
  } catch {
    return false;
  }
}

const SecureUrl = z.string().refine(isSecureUrl, "must be an https:// URL (http:// only to 127.0.0.1 or localhost)");

/** The environment variables of single sign-on; all unset, it is off. Merged into the config's schema. */
export const OIDC_ENV = {
  /** The provider's issuer identifier; its discovery document is at <issuer>/.well-known/openid-configuration. */
  OIDC_ISSUER: SecureUrl.optional(),
  OIDC_CLIENT_ID: z.string().min(1).max(255).optional(),
  /** Also the key material of the sign-in cookie (see flowCookie.ts), hence a minimum length. */
  OIDC_CLIENT_SECRET: z.string().min(16, "at least 16 characters").optional(),
  OIDC_REDIRECT_URL: SecureUrl.refine(
    (v) => new URL(v).pathname === OIDC_CALLBACK_PATH && !new URL(v).search,
    `must end in ${OIDC_CALLBACK_PATH}, with no query`,
  ).optional(),
  /** The sign-in button's text, e.g. "Mit eIAM anmelden"; unset, the client shows its translated default. */
  OIDC_LABEL: z
    .string()
    .trim()
    .min(1)
    .max(80)
    .refine((v) => !hasUnprintable(v), "must be one line")
    .optional(),
} as const;

/** Single sign-on as configured: one OpenID provider, Accord one confidential client of it. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  redirectUrl: URL;
  label: string | null;
}

type OidcEnv = { [K in keyof typeof OIDC_ENV]?: string | undefined };

const REQUIRED = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_REDIRECT_URL"] as const;

/**
 * The single sign-on settings, or null when none of its variables is set. Half a
 * configuration is a mistake, not "off": the problems name each missing variable.
 */
export function readOidcSettings(env: OidcEnv): { settings: OidcSettings | null; problems: string[] } {
  const missing = REQUIRED.filter((name) => !env[name]);
  if (missing.length === REQUIRED.length) {
    return { settings: null, problems: env.OIDC_LABEL ? ["OIDC_LABEL: set without OIDC_ISSUER"] : [] };
  }
  if (missing.length > 0) {
    return { settings: null, problems: missing.map((name) => `${name}: required when single sign-on is configured`) };
  }
  return {
    settings: {
      issuer: new URL(env.OIDC_ISSUER as string),
      clientId: env.OIDC_CLIENT_ID as string,
      clientSecret: env.OIDC_CLIENT_SECRET as string,
      redirectUrl: new URL(env.OIDC_REDIRECT_URL as string),
      label: env.OIDC_LABEL ?? null,
    },
    problems: [],
  };
}
