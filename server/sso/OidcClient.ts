import * as oidc from "openid-client";
import type { Flow } from "./flowCookie.ts";
import type { OidcSettings } from "./oidcConfig.ts";

/** What Accord reads of a person the provider signed in. */
export interface SsoClaims {
  /** The provider's stable id of the person (`sub`). */
  subject: string;
  email: string | null;
  /** Only a JSON `true` counts: a provider that says nothing has not verified the address. */
  emailVerified: boolean;
  name: string | null;
  /** `locale` (e.g. "fr-CH"), to pick a new account's language. */
  locale: string | null;
}

/**
 * Why the provider's answer was refused, in words that hold no token, code, state or nonce:
 * the OAuth error the provider sent (`invalid_grant` for a used code, `access_denied`), or
 * openid-client's description of the failed check (its values stay in `cause`, unread).
 */
export function failureOf(err: unknown): string {
  if (err instanceof oidc.ResponseBodyError || err instanceof oidc.AuthorizationResponseError) return err.error;
  if (!(err instanceof Error)) return "unknown";
  const described = err.cause instanceof Error ? err.cause : err;
  return described.message.slice(0, 200);
}

/** Scopes asked for: the person's id, their e-mail with its verification, their name. */
const SCOPES = "openid email profile";
/** Seconds any one request to the provider may take. */
const PROVIDER_TIMEOUT_S = 10;

const isLoopback = (url: URL) => url.protocol === "http:";

const text = (value: unknown): string | null => (typeof value === "string" && value.length > 0 ? value : null);

/** The claims Accord uses, from one source (the ID token or the UserInfo answer), never mixed. */
function readClaims(subject: string, source: Record<string, unknown>): SsoClaims {
  const composed = [text(source.given_name), text(source.family_name)].filter(Boolean).join(" ");
  return {
    subject,
    email: text(source.email),
    emailVerified: source.email_verified === true,
    name: text(source.name) ?? (composed || null),
    locale: text(source.locale),
  };
}

/**
 * Accord as a confidential client of one OpenID provider: authorization code flow with PKCE
 * (S256), state and nonce. openid-client checks the authorization response against the
 * state, and the ID token's issuer, audience (and `azp`), expiry, issue time and nonce; its
 * signature is checked too (`enableNonRepudiationChecks`), against the provider's published keys.
 */
export class OidcClient {
  #configuration: Promise<oidc.Configuration> | null = null;

  constructor(private readonly settings: OidcSettings) {}

  /**
   * The provider's metadata, discovered on first use rather than at start-up, so that Accord
   * starts (and passwords work) while the provider is down; a failed discovery is retried.
   */
  #discover(): Promise<oidc.Configuration> {
    if (!this.#configuration) {
      const { issuer, clientId, clientSecret } = this.settings;
      const execute = [oidc.enableNonRepudiationChecks];
      // http:// is accepted by the configuration only for a provider on this machine.
      if (isLoopback(issuer)) execute.push(oidc.allowInsecureRequests);
      this.#configuration = oidc
        .discovery(issuer, clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
          execute,
          timeout: PROVIDER_TIMEOUT_S,
        })
        .catch((err: unknown) => {
          this.#configuration = null;
          throw err;
        });
    }
    return this.#configuration;
  }

  /** A fresh flow and the provider's authorization URL to send the browser to. */
  async start(): Promise<{ url: URL; flow: Flow }> {
    const configuration = await this.#discover();
    const flow: Flow = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUrl.href,
      scope: SCOPES,
      response_type: "code",
      state: flow.state,
      nonce: flow.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(flow.codeVerifier),
      code_challenge_method: "S256",
    });
    return { url, flow };
  }

  /**
   * Checks the provider's answer (`callbackUrl` with its query) against the flow, redeems
   * the code and returns who signed in. Throws on any mismatch, provider error or replay.
   */
  async finish(callbackUrl: URL, flow: Flow): Promise<SsoClaims> {
    const configuration = await this.#discover();
    const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: flow.codeVerifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    const idToken = tokens.claims();
    if (!idToken) throw new Error("the provider answered without an ID token");
    if (typeof idToken.email === "string") return readClaims(idToken.sub, idToken);
    // Providers that follow the spec closely (oidc-provider among them) put profile claims
    // only in the UserInfo answer for the code flow; its `sub` must be the ID token's.
    const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
    return readClaims(idToken.sub, userInfo);
  }
}
