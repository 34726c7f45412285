import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { DEMO_USERS } from "../../server/seed/demo.ts";
import type { AccordServer } from "../../server/startServer.ts";
import { apiClient } from "../helpers/api.ts";
import { CookieBrowser, freePort } from "../helpers/cookieBrowser.ts";
import { describeNeeding, freshSchema } from "../helpers/needsServices.ts";
import { startOidcProvider, type TestIdentity, type TestProvider } from "../helpers/oidcProvider.ts";
import { DEMO_PASSWORD, startTestServer, tempDataDir } from "../helpers/server.ts";

const MARCO = "marco.rossi@sem.admin.ch";
const DEMO_USER_COUNT = DEMO_USERS.length;

interface Setup {
  server: AccordServer;
  idp: TestProvider;
  /** Rows of a table as the SQLite file holds them, read beside the server. */
  rows: (table: "sessions" | "users") => number;
  /** The refused single sign-ons on record, oldest first: `reason` or `reason: failure`. */
  refusals: () => string[];
}

/** A provider and an Accord that trusts it (a fresh store with the demo data). */
async function setUp(env: Record<string, string> = {}): Promise<Setup> {
  const port = await freePort();
  const idp = await startOidcProvider(`http://127.0.0.1:${port}/api/auth/oidc/callback`);
  const dataDir = tempDataDir();
  const server = await startTestServer({ PORT: String(port), ...idp.env, ...env }, dataDir);
  const read = <T>(query: (db: Database.Database) => T): T => {
    const db = new Database(path.join(dataDir, "accord.sqlite"), { readonly: true });
    try {
      return query(db);
    } finally {
      db.close();
    }
  };
  const rows = (table: "sessions" | "users") =>
    read((db) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n);
  const refusals = () =>
    read((db) => db.prepare("SELECT detail FROM audit WHERE action = 'auth.sso_refused' ORDER BY id").all())
      .map((row) => JSON.parse((row as { detail: string }).detail) as { reason: string; failure?: string })
      .map((d) => (d.failure ? `${d.reason}: ${d.failure}` : d.reason));
  return { server, idp, rows, refusals };
}

/** Accord's own pages (not its API): where a sign-in lands, never requested by these tests. */
const accordPage = (server: AccordServer) => (url: URL) =>
  url.origin === server.url && !url.pathname.startsWith("/api/");

/** A browser that clicks the SSO button and follows every redirect until it lands on an Accord page. */
async function signInThroughProvider(server: AccordServer, browser = new CookieBrowser()) {
  const { url } = await browser.follow(new URL("/api/auth/oidc/start", server.url), accordPage(server));
  return { browser, landing: url };
}

/** Who Accord says the browser is: the user's e-mail, or the HTTP status without a session. */
async function whoAmI(server: AccordServer, browser: CookieBrowser): Promise<string | number> {
  const res = await fetch(`${server.url}/api/me`, { headers: { cookie: browser.cookieHeader(new URL(server.url)) } });
  return res.status === 200 ? ((await res.json()) as { email: string }).email : res.status;
}

/** The account events of a user, oldest first, as `action` or `action:reason`. */
async function accountEvents(server: AccordServer, userId: string): Promise<string[]> {
  const events = await server.store.listAccountEvents(userId, 50);
  return events.reverse().map((e) => (e.detail.reason ? `${e.action}:${String(e.detail.reason)}` : e.action));
}

/** Refused: the refusal page for `reason`, no session cookie, nothing stored but the audit line. */
async function expectRefused(setup: Setup, result: { browser: CookieBrowser; landing: URL }, reason: string) {
  expect(result.landing.pathname).toBe("/");
  expect(result.landing.hash).toBe(`#/sso-refused/${reason}`);
  expect(result.browser.cookie(setup.server.url, "accord_session")).toBeUndefined();
  expect(await whoAmI(setup.server, result.browser)).toBe(401);
  expect(setup.rows("sessions")).toBe(0);
  expect(setup.rows("users")).toBe(DEMO_USER_COUNT);
}

const marco: TestIdentity = { sub: "eiam-marco", email: MARCO, email_verified: true, name: "Marco Rossi" };

describe("single sign-on with OpenID Connect", () => {
  it("tells the client that SSO is on, with the configured label, and that it is off without configuration", async () => {
    const { server } = await setUp({ OIDC_LABEL: "Mit eIAM anmelden" });
    const api = apiClient(server.url);
    expect((await api("GET", "/api/auth/methods")).body).toEqual({
      password: true,
      oidc: { label: "Mit eIAM anmelden", startUrl: "/api/auth/oidc/start" },
    });

    const plain = await startTestServer();
    const off = apiClient(plain.url);
    expect((await off("GET", "/api/auth/methods")).body).toEqual({ password: true, oidc: null });
    expect((await off("GET", "/api/auth/oidc/start")).status).toBe(404);
    expect((await off("GET", "/api/auth/oidc/callback?code=x&state=y")).status).toBe(404);
  });

  it("sends the browser to the provider with PKCE (S256), state and nonce, and keeps them in an encrypted, HttpOnly, Lax cookie", async () => {
    const { server, idp } = await setUp();
    const browser = new CookieBrowser();
    const res = await browser.get(new URL("/api/auth/oidc/start", server.url));
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get("location") ?? "");
    expect(to.origin).toBe(idp.issuer);
    expect(to.searchParams.get("client_id")).toBe("accord");
    expect(to.searchParams.get("response_type")).toBe("code");
    expect(to.searchParams.get("scope")).toBe("openid email profile");
    expect(to.searchParams.get("code_challenge_method")).toBe("S256");
    expect(to.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get("state")).toMatch(/^[\w-]{20,}$/);
    expect(to.searchParams.get("nonce")).toMatch(/^[\w-]{20,}$/);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith("accord_oidc="));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\/api\/auth\/oidc/);
    // The browser can read neither the state nor the verifier in it.
    const sealed = Buffer.from(browser.cookie(server.url, "accord_oidc") ?? "", "base64url").toString("latin1");
    expect(sealed).not.toContain(to.searchParams.get("state"));
  });

  it("signs in an existing account by its verified e-mail: session, last sign-in, audit with the method", async () => {
    const setup = await setUp();
    setup.idp.signInAs(marco);
    const result = await signInThroughProvider(setup.server);
    expect(result.landing.href).toBe(`${setup.server.url}/`);
    expect(await whoAmI(setup.server, result.browser)).toBe(MARCO);
    // The flow cookie is spent.
    expect(result.browser.cookie(setup.server.url, "accord_oidc")).toBeUndefined();
    const user = await setup.server.store.findUserByEmail(MARCO);
    expect(user?.lastSignInAt).not.toBeNull();
    const [login] = await setup.server.store.listAccountEvents(user?.id ?? "", 1);
    expect(login).toMatchObject({ action: "auth.login", detail: { method: "oidc" } });
    expect(setup.rows("users")).toBe(DEMO_USER_COUNT);
  });

  it("refuses an answer whose state was tampered with, before the code is redeemed", async () => {
    const setup = await setUp();
    setup.idp.signInAs(marco);
    const browser = new CookieBrowser();
    const callback = (url: URL) => url.pathname === "/api/auth/oidc/callback";
    const { url } = await browser.follow(new URL("/api/auth/oidc/start", setup.server.url), callback);
    url.searchParams.set("state", `${url.searchParams.get("state")}x`);
    const { url: landing } = await browser.follow(url, accordPage(setup.server));
    await expectRefused(setup, { browser, landing }, "provider_error");
    expect(setup.refusals()).toEqual(['provider_error: unexpected "state" response parameter value']);
    const marcoId = (await setup.server.store.findUserByEmail(MARCO))?.id ?? "";
    expect(await accountEvents(setup.server, marcoId)).toEqual([]);
  });

  it("refuses a replayed code, even with the flow cookie that came with it", async () => {
    const setup = await setUp();
    setup.idp.signInAs(marco);
    const victim = new CookieBrowser();
    const callback = (url: URL) => url.pathname === "/api/auth/oidc/callback";
    const { url } = await victim.follow(new URL("/api/auth/oidc/start", setup.server.url), callback);
    // Someone who saw the callback (a proxy log, the history) and the flow cookie.
    const thief = new CookieBrowser();
    thief.setCookie(
      setup.server.url,
      "accord_oidc",
      victim.cookie(setup.server.url, "accord_oidc") ?? "",
      "/api/auth/oidc",
    );
    await victim.follow(url, accordPage(setup.server));
    expect(await whoAmI(setup.server, victim)).toBe(MARCO);
    expect(setup.rows("sessions")).toBe(1);

    const { url: landing } = await thief.follow(url, accordPage(setup.server));
    expect(landing.hash).toBe("#/sso-refused/provider_error");
    expect(setup.refusals()).toEqual(["provider_error: invalid_grant"]);
    expect(await whoAmI(setup.server, thief)).toBe(401);
    expect(setup.rows("sessions")).toBe(1);
  });

  it("refuses an ID token that the provider issued to another client (wrong audience)", async () => {
    const setup = await setUp();
    setup.idp.signInAs(marco);
    setup.idp.issueIdTokensToAnotherClient();
    await expectRefused(setup, await signInThroughProvider(setup.server), "provider_error");
    expect(setup.refusals()).toEqual(['provider_error: unexpected JWT "aud" (audience) claim value']);
  });

  it("refuses a provider answer that arrives in a browser that did not start the sign-in (forced sign-in)", async () => {
    const setup = await setUp();
    setup.idp.signInAs(marco);
    const attacker = new CookieBrowser();
    const callback = (url: URL) => url.pathname === "/api/auth/oidc/callback";
    const { url } = await attacker.follow(new URL("/api/auth/oidc/start", setup.server.url), callback);
    // The attacker sends the link with their own code to a victim, whose browser has no flow cookie.
    const victim = new CookieBrowser();
    const { url: landing } = await victim.follow(url, accordPage(setup.server));
    await expectRefused(setup, { browser: victim, landing }, "flow_expired");
    // A flow cookie the browser altered is no flow either.
    const forged = `${(attacker.cookie(setup.server.url, "accord_oidc") ?? "").slice(0, -2)}AA`;
    attacker.setCookie(setup.server.url, "accord_oidc", forged, "/api/auth/oidc");
    const { url: forgedLanding } = await attacker.follow(url, accordPage(setup.server));
    await expectRefused(setup, { browser: attacker, landing: forgedLanding }, "flow_expired");
    expect(setup.refusals()).toEqual(["flow_expired", "flow_expired"]);
  });

  it("records refusals from one address only up to the per-address budget, and still signs people in", async () => {
    const setup = await setUp({ LOGIN_MAX_FAILURES_PER_ADDRESS: "3" });
    const junk = new URL("/api/auth/oidc/callback?code=junk&state=junk", setup.server.url);
    for (let i = 0; i < 6; i++) {
      const res = await new CookieBrowser().get(junk);
      expect(res.headers.get("location")).toBe("/#/sso-refused/flow_expired");
    }
    expect(setup.refusals()).toEqual(["flow_expired", "flow_expired", "flow_expired"]);
    setup.idp.signInAs(marco);
    expect(await whoAmI(setup.server, (await signInThroughProvider(setup.server)).browser)).toBe(MARCO);
  });

  it("refuses when the provider reports an error (the person cancelled at the provider)", async () => {
    const setup = await setUp();
    // No identity chosen: the provider's login ends with access_denied, sent back to Accord.
    await expectRefused(setup, await signInThroughProvider(setup.server), "provider_error");
    expect(setup.refusals()).toEqual(["provider_error: access_denied"]);
  });

  it("refuses an e-mail whose domain belongs to no organisation, creating nothing", async () => {
    const setup = await setUp();
    setup.idp.signInAs({ sub: "x-1", email: "eve@example.org", email_verified: true, name: "Eve" });
    await expectRefused(setup, await signInThroughProvider(setup.server), "unknown_domain");
    expect(setup.refusals()).toEqual(["unknown_domain"]);
    expect(await setup.server.store.findUserByEmail("eve@example.org")).toBeNull();
  });

  it("refuses an e-mail the provider has not verified, even of an existing account", async () => {
    const setup = await setUp();
    setup.idp.signInAs({ ...marco, email_verified: false });
    await expectRefused(setup, await signInThroughProvider(setup.server), "email_unverified");
    // A provider that says nothing about verification has not verified either.
    setup.idp.signInAs({ sub: "eiam-marco-2", email: MARCO, name: "Marco Rossi" });
    await expectRefused(setup, await signInThroughProvider(setup.server), "email_unverified");
    expect((await setup.server.store.findUserByEmail(MARCO))?.lastSignInAt).toBeNull();
  });

  it("refuses a provider that names no e-mail", async () => {
    const setup = await setUp();
    setup.idp.signInAs({ sub: "no-mail", name: "Nobody" });
    await expectRefused(setup, await signInThroughProvider(setup.server), "no_email");
  });

  it("refuses a deactivated account, and says so on the account's record", async () => {
    const setup = await setUp();
    const user = await setup.server.store.findUserByEmail(MARCO);
    await setup.server.store.deactivateUser(user?.id ?? "", new Date());
    setup.idp.signInAs(marco);
    await expectRefused(setup, await signInThroughProvider(setup.server), "account_deactivated");
    expect(await accountEvents(setup.server, user?.id ?? "")).toEqual(["auth.sso_refused:account_deactivated"]);
  });

  it("refuses a new person of a known organisation that does not provision accounts", async () => {
    const setup = await setUp();
    expect((await setup.server.store.findOrganisation("kanton-be"))?.ssoProvisioning).toBe(false);
    setup.idp.signInAs({ sub: "be-1", email: "anna.muster@be.ch", email_verified: true, name: "Anna Muster" });
    await expectRefused(setup, await signInThroughProvider(setup.server), "no_account");
    // Nor does an inactive organisation, even with provisioning on.
    await setup.server.store.updateOrganisation("kanton-be", { ssoProvisioning: true, active: false });
    await expectRefused(setup, await signInThroughProvider(setup.server), "no_account");
    expect(await setup.server.store.findUserByEmail("anna.muster@be.ch")).toBeNull();
  });

  it("provisions a new person into the organisation of their domain when it allows it, once", async () => {
    const setup = await setUp();
    await setup.server.store.updateOrganisation("kanton-be", { ssoProvisioning: true });
    // A name that tries to start a line of its own in exports, and is far too long.
    const name = `Anna\nMuster\u202e ${"x".repeat(300)}`;
    setup.idp.signInAs({ sub: "be-1", email: "Anna.Muster@BE.ch", email_verified: true, name, locale: "fr-CH" });
    const first = await signInThroughProvider(setup.server);
    expect(first.landing.href).toBe(`${setup.server.url}/`);
    expect(await whoAmI(setup.server, first.browser)).toBe("anna.muster@be.ch");
    const user = await setup.server.store.findUserByEmail("anna.muster@be.ch");
    expect(user).toMatchObject({ orgId: "kanton-be", language: "fr", instanceRole: null, deactivatedAt: null });
    expect(user?.name.startsWith("Anna Muster x")).toBe(true);
    expect([...(user?.name ?? "")].length).toBeLessThanOrEqual(100);
    expect(user?.name).not.toMatch(/[\n\u202e]/);
    expect(await accountEvents(setup.server, user?.id ?? "")).toEqual(["account.provisioned", "auth.login"]);
    // No password opens it.
    const api = apiClient(setup.server.url);
    expect((await api("POST", "/api/auth/login", { json: { email: "anna.muster@be.ch", password: "" } })).status).toBe(
      400,
    );
    expect(
      (await api("POST", "/api/auth/login", { json: { email: "anna.muster@be.ch", password: "scrypt" } })).status,
    ).toBe(401);

    const second = await signInThroughProvider(setup.server);
    expect(await whoAmI(setup.server, second.browser)).toBe("anna.muster@be.ch");
    expect(setup.rows("users")).toBe(DEMO_USER_COUNT + 1);
  });

  it("refuses password sign-in to members of an organisation that switched it off, only once the password is right", async () => {
    const setup = await setUp();
    await setup.server.store.updateOrganisation("sem", { passwordSignIn: false });
    const api = apiClient(setup.server.url);
    const right = await api("POST", "/api/auth/login", { json: { email: MARCO, password: DEMO_PASSWORD } });
    expect(right.status).toBe(403);
    expect(right.body).toMatchObject({ code: "password_sign_in_disabled" });
    expect(right.headers.get("set-cookie")).toBeNull();
    // Without the password it is just a wrong password: nothing tells the organisation's setting.
    const wrong = await api("POST", "/api/auth/login", { json: { email: MARCO, password: "falsch" } });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ code: "invalid_credentials" });
    expect(setup.rows("sessions")).toBe(0);
    const marcoId = (await setup.server.store.findUserByEmail(MARCO))?.id ?? "";
    expect(await accountEvents(setup.server, marcoId)).toEqual([
      "auth.login_refused:password_sign_in_off",
      "auth.login_failed",
    ]);

    // The other organisations still sign in with passwords, and the SEM's members through SSO.
    expect(
      (await api("POST", "/api/auth/login", { json: { email: "andrea.meier@so.ch", password: DEMO_PASSWORD } })).status,
    ).toBe(200);
    setup.idp.signInAs(marco);
    expect(await whoAmI(setup.server, (await signInThroughProvider(setup.server)).browser)).toBe(MARCO);
  });
});

const describeOnPostgres = await describeNeeding("postgres");

describeOnPostgres("single sign-on on PostgreSQL with two instances", () => {
  it("provisions and signs in when the flow starts on one instance and the provider answers another", async () => {
    const { url: databaseUrl } = await freshSchema("sso");
    const portB = await freePort();
    const idp = await startOidcProvider(`http://127.0.0.1:${portB}/api/auth/oidc/callback`);
    const b = await startTestServer({ PORT: String(portB), DATABASE_URL: databaseUrl, ...idp.env });
    // Both instances are configured alike: the registered redirect URL is the load balancer's (here B).
    const a = await startTestServer({ DATABASE_URL: databaseUrl, ...idp.env });
    await a.store.updateOrganisation("kanton-be", { ssoProvisioning: true });
    idp.signInAs({ sub: "be-2", email: "beat.keller@be.ch", email_verified: true, name: "Beat Keller" });

    const browser = new CookieBrowser();
    const onAccordPage = (u: URL) => (u.origin === a.url || u.origin === b.url) && !u.pathname.startsWith("/api/");
    const { url: landing } = await browser.follow(new URL("/api/auth/oidc/start", a.url), onAccordPage);
    expect(landing.href).toBe(`${b.url}/`);
    // The session is in the shared store: instance A knows it too.
    expect(await whoAmI(a, browser)).toBe("beat.keller@be.ch");
    const user = await a.store.findUserByEmail("beat.keller@be.ch");
    expect(user).toMatchObject({ orgId: "kanton-be", name: "Beat Keller" });
    expect(await accountEvents(a, user?.id ?? "")).toEqual(["account.provisioned", "auth.login"]);

    // A deactivated account is refused there as well, and no session is made.
    await a.store.deactivateUser(user?.id ?? "", new Date());
    const again = new CookieBrowser();
    const { url: refused } = await again.follow(new URL("/api/auth/oidc/start", a.url), onAccordPage);
    expect(refused.hash).toBe("#/sso-refused/account_deactivated");
    expect(await whoAmI(b, again)).toBe(401);
  });
});
