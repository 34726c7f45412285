import { Hono } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { SignInMethods, SsoRefusal } from "../../../shared/api/signInMethods.ts";
import type { Config } from "../../config.ts";
import { notFound } from "../../errors.ts";
import type { Logger } from "../../log.ts";
import { FLOW_COOKIE, FLOW_COOKIE_PATH, FLOW_LIFETIME_MS, FlowCookie } from "../../sso/flowCookie.ts";
import { failureOf, OidcClient } from "../../sso/OidcClient.ts";
import { accountForClaims, auditRefusal } from "../../sso/ssoAccount.ts";
import type { AccountStore } from "../../store/ports/AccountStore.ts";
import type { AuditStore } from "../../store/ports/AuditStore.ts";
import type { OrganisationStore } from "../../store/ports/OrganisationStore.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import { clientAddress, isHttps } from "../clientAddress.ts";
import { RateLimiter } from "../RateLimiter.ts";
import { addressKey } from "../rateLimit.ts";
import { signIn } from "../signIn.ts";

const START_PATH = "/api/auth/oidc/start";

/** The client page that explains a refusal in the user's language. */
const refusalPage = (reason: SsoRefusal) => `/#/sso-refused/${reason}`;

/**
 * How one signs in (`GET /auth/methods`, public) and single sign-on with OpenID Connect:
 * `GET /auth/oidc/start` sends the browser to the provider, `GET /auth/oidc/callback`
 * takes its answer and signs the matched account in. Without OIDC settings both are 404.
 */
export function ssoRoutes(
  store: AccountStore & OrganisationStore & SessionStore & AuditStore,
  config: Config,
  log: Logger,
) {
  const settings = config.oidc;
  const client = settings ? new OidcClient(settings) : null;
  const flows = settings ? new FlowCookie(settings.clientSecret) : null;
  // Refusals recorded per address and window, as many as failed password sign-ins: anyone
  // can mint a flow and send junk to the callback, and must not grow the audit log at will.
  const recorded = new RateLimiter({
    max: config.loginLimits.perAddress,
    windowMs: config.loginLimits.windowMs,
    maxKeys: 10_000,
  });
  const methods: SignInMethods = {
    password: true,
    oidc: settings ? { label: settings.label, startUrl: START_PATH } : null,
  };

  return new Hono()
    .get("/auth/methods", (c) => c.json(methods))
    .get("/auth/oidc/start", async (c) => {
      if (!client || !flows || !settings) throw notFound("single sign-on");
      c.header("Cache-Control", "no-store");
      let started: Awaited<ReturnType<OidcClient["start"]>>;
      try {
        started = await client.start();
      } catch (err) {
        log.warn("single sign-on: the provider cannot be reached", { failure: failureOf(err) });
        return c.redirect(refusalPage("provider_error"), 302);
      }
      setCookie(c, FLOW_COOKIE, flows.seal(started.flow), {
        httpOnly: true,
        // Lax: sent on the provider's top-level redirect back to us, never on a cross-site subrequest.
        sameSite: "Lax",
        secure: config.cookieSecure || isHttps(c, config.trustedProxies) || settings.redirectUrl.protocol === "https:",
        path: FLOW_COOKIE_PATH,
        maxAge: Math.floor(FLOW_LIFETIME_MS / 1000),
      });
      return c.redirect(started.url.href, 302);
    })
    .get("/auth/oidc/callback", async (c) => {
      if (!client || !flows || !settings) throw notFound("single sign-on");
      c.header("Cache-Control", "no-store");
      const address = clientAddress(c, config.trustedProxies);
      const flow = flows.open(getCookie(c, FLOW_COOKIE));
      // One answer per flow: whatever happens next, this browser's flow is spent.
      deleteCookie(c, FLOW_COOKIE, { path: FLOW_COOKIE_PATH });
      const refuse = async (
        reason: SsoRefusal,
        more: { failure?: string; email?: string | null; subjectId?: string | null } = {},
      ) => {
        if (recorded.take(addressKey(address)) === 0) await auditRefusal(store, reason, { address, ...more });
        return c.redirect(refusalPage(reason), 302);
      };
      // No flow: started in another browser (a forced sign-in into someone else's account), or too long ago.
      if (!flow) return refuse("flow_expired");
      // The provider's answer, as it arrived at the registered address (behind a proxy, too).
      const callbackUrl = new URL(settings.redirectUrl);
      callbackUrl.search = new URL(c.req.url).search;
      let claims: Awaited<ReturnType<OidcClient["finish"]>>;
      try {
        claims = await client.finish(callbackUrl, flow);
      } catch (err) {
        const failure = failureOf(err);
        log.warn("single sign-on refused: the provider's answer did not verify", { failure });
        return refuse("provider_error", { failure });
      }
      const outcome = await accountForClaims(store, claims, address);
      if ("refused" in outcome) return refuse(outcome.refused, { email: claims.email, subjectId: outcome.subjectId });
      await signIn(c, store, config, outcome.user, "oidc");
      return c.redirect("/", 302);
    });
}
