import { generateKeyPairSync, type KeyObject, randomBytes, sign } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type InteractionDetails } from "oidc-provider";
import { cleanup } from "./cleanup.ts";

/** A person the test provider can sign in, with the claims it releases for them. */
export interface TestIdentity {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  given_name?: string;
  family_name?: string;
  locale?: string;
}

/** A real OpenID provider (oidc-provider) on 127.0.0.1, with Accord as one of its clients. */
export interface TestProvider {
  issuer: string;
  /** The environment that points Accord at this provider as client `accord`. */
  env: Record<string, string>;
  /** The person the next login interaction signs in (the provider has no login form). */
  signInAs(identity: TestIdentity): void;
  /**
   * From now on the token endpoint answers Accord with an ID token that the provider's own
   * key signed for another of its clients (`other-app`): a token meant for someone else.
   */
  issueIdTokensToAnotherClient(): void;
}

export const ACCORD_CLIENT_ID = "accord";
const ACCORD_SECRET = "accord-client-secret-for-tests";
const OTHER_CLIENT_ID = "other-app";

/** Signs `payload` as a compact RS256 JWS with `key`. */
function signJwt(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const input = `${part({ alg: "RS256", kid, typ: "JWT" })}.${part(payload)}`;
  return `${input}.${sign("sha256", Buffer.from(input), key).toString("base64url")}`;
}

/**
 * Finishes an interaction without a page, as a user at a real provider would after signing
 * in and agreeing: the login prompt signs in the identity the test chose, the consent prompt
 * grants the scopes and claims the client asked for (oidc-provider's own example, minus the forms).
 */
async function interact(
  provider: Provider,
  next: () => TestIdentity | null,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const details: InteractionDetails = await provider.interactionDetails(req, res);
  if (details.prompt.name === "login") {
    const identity = next();
    const result = identity
      ? { login: { accountId: identity.sub } }
      : { error: "access_denied", error_description: "no test identity chosen" };
    return provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
  }
  const accountId = details.session?.accountId;
  if (details.prompt.name !== "consent" || !accountId) throw new Error(`unexpected prompt ${details.prompt.name}`);
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId: details.params.client_id });
  if (!grant) throw new Error("grant not found");
  const { missingOIDCScope, missingOIDCClaims } = details.prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(" "));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  const grantId = await grant.save();
  return provider.interactionFinished(req, res, { consent: details.grantId ? {} : { grantId } });
}

/**
 * Starts oidc-provider on a free port of 127.0.0.1 with two confidential clients that
 * redirect to `redirectUri`: `accord` (PKCE required, as for every client here) and
 * `other-app`. Stopped after the test file.
 */
export async function startOidcProvider(redirectUri: string): Promise<TestProvider> {
  const identities = new Map<string, TestIdentity>();
  let nextIdentity: TestIdentity | null = null;
  let wrongAudience = false;

  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const http = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  cleanup(() => new Promise<void>((resolve) => http.close(() => resolve())));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "test-key";
  const provider = new Provider(issuer, {
    clients: [
      { client_id: ACCORD_CLIENT_ID, client_secret: ACCORD_SECRET, redirect_uris: [redirectUri] },
      { client_id: OTHER_CLIENT_ID, client_secret: "other-app-client-secret", redirect_uris: [redirectUri] },
    ],
    findAccount: (_ctx, sub) => {
      const identity = identities.get(sub);
      return identity && { accountId: sub, claims: () => ({ ...identity }) };
    },
    claims: {
      openid: ["sub"],
      email: ["email", "email_verified"],
      profile: ["name", "given_name", "family_name", "locale"],
    },
    jwks: { keys: [{ ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] },
    cookies: { keys: [randomBytes(32).toString("hex")] },
    // Every client must use PKCE here, not only public ones (oidc-provider's default).
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
  });

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (!wrongAudience || ctx.oidc?.route !== "token" || !body?.id_token) return;
    const claims = JSON.parse(Buffer.from(body.id_token.split(".")[1] ?? "", "base64url").toString());
    body.id_token = signJwt({ ...claims, aud: OTHER_CLIENT_ID, azp: OTHER_CLIENT_ID }, privateKey, kid);
  });

  const callback = provider.callback();
  handle = (req, res) => {
    if (req.url?.startsWith("/interaction/")) {
      const take = () => nextIdentity;
      interact(provider, take, req, res).catch((err: unknown) => res.writeHead(500).end(String(err)));
    } else {
      callback(req, res);
    }
  };

  return {
    issuer,
    env: {
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: ACCORD_CLIENT_ID,
      OIDC_CLIENT_SECRET: ACCORD_SECRET,
      OIDC_REDIRECT_URL: redirectUri,
    },
    signInAs(identity) {
      identities.set(identity.sub, identity);
      nextIdentity = identity;
    },
    issueIdTokensToAnotherClient() {
      wrongAudience = true;
    },
  };
}
