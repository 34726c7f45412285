import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { ErrorBody } from "../../shared/api/schemas.ts";
import { rawSocket } from "../helpers/rawSocket.ts";
import { DEMO_PASSWORD, login, startTestServer } from "../helpers/server.ts";

const LISTED = "https://intranet.so.ch";

const signIn = (url: string, email: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ email, password }),
  });

describe("CSRF, origins and headers", async () => {
  const server = await startTestServer({ ALLOWED_ORIGINS: `${LISTED}, https://other.admin.ch` });
  const andrea = await login(server.url, "andrea.meier@so.ch");

  const rename = (headers: Record<string, string>, contentType = "text/plain") =>
    fetch(`${server.url}/api/documents/kip3-konzept-so`, {
      method: "PATCH",
      headers: { cookie: andrea, "content-type": contentType, ...headers },
      body: JSON.stringify({ title: "Umbenannt" }),
    });

  it("refuses a form POST from a foreign origin with 403 forbidden, creating nothing", async () => {
    const before = (await (await fetch(`${server.url}/api/documents`, { headers: { cookie: andrea } })).json()) as [];
    const res = await fetch(`${server.url}/api/documents`, {
      method: "POST",
      headers: { cookie: andrea, origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "title=Phishing&kind=concept",
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).code).toBe("forbidden");
    const after = (await (await fetch(`${server.url}/api/documents`, { headers: { cookie: andrea } })).json()) as [];
    expect(after).toHaveLength(before.length);
  });

  it("refuses a cross-site sign-in form (login CSRF)", async () => {
    const res = await signIn(server.url, "andrea.meier@so.ch", DEMO_PASSWORD, { origin: "https://evil.example" });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it.each([
    ["a foreign Origin, text/plain", { origin: "https://evil.example" }, "text/plain"],
    ["a foreign Origin, multipart", { origin: "https://evil.example" }, "multipart/form-data; boundary=x"],
    ["a foreign Origin, JSON", { origin: "https://evil.example" }, "application/json"],
    ["Origin null (sandboxed frame)", { origin: "null" }, "text/plain"],
    ["another port of the same host", { origin: "http://127.0.0.1:1" }, "text/plain"],
    ["Sec-Fetch-Site cross-site without Origin", { "sec-fetch-site": "cross-site" }, "text/plain"],
    ["Sec-Fetch-Site same-site without Origin", { "sec-fetch-site": "same-site" }, "text/plain"],
  ])("refuses a state change with %s (403)", async (_, headers, contentType) => {
    expect((await rename(headers, contentType)).status).toBe(403);
  });

  it.each([
    ["the server's own origin", () => ({ origin: server.url })],
    ["a listed origin", () => ({ origin: LISTED })],
    ["the second listed origin", () => ({ origin: "https://other.admin.ch" })],
    ["no Origin (a script or curl, not a browser)", () => ({})],
    ["Sec-Fetch-Site same-origin", () => ({ "sec-fetch-site": "same-origin" })],
  ])("accepts a state change from %s", async (_, headers) => {
    expect((await rename(headers())).status).toBe(200);
  });

  it("lets reads through from any origin (they change nothing)", async () => {
    const res = await fetch(`${server.url}/api/documents`, {
      headers: { cookie: andrea, origin: "https://evil.example" },
    });
    expect(res.status).toBe(200);
  });

  /** HTTP status of a WebSocket upgrade to the collab endpoint with these headers. */
  const upgradeStatus = (headers: Record<string, string>) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(`${server.url.replace("http", "ws")}/collab/kip3-konzept-so`, {
        headers: { cookie: andrea, ...headers },
      });
      ws.on("error", () => {});
      ws.once("open", () => {
        ws.terminate();
        resolve(101);
      });
      ws.once("unexpected-response", (_req, res) => {
        resolve(res.statusCode ?? 0);
        ws.terminate();
      });
    });

  it("accepts a WebSocket from its own origin, a listed one, or a non-browser client", async () => {
    expect(await upgradeStatus({ origin: server.url })).toBe(101);
    expect(await upgradeStatus({ origin: LISTED })).toBe(101);
    expect(await upgradeStatus({})).toBe(101);
  });

  it("refuses a WebSocket from a foreign origin with 403 before upgrading (cross-site hijacking)", async () => {
    expect(await upgradeStatus({ origin: "https://evil.example" })).toBe(403);
    expect(await upgradeStatus({ origin: "null" })).toBe(403);
  });

  it("sends a strict Content-Security-Policy that allows sockets to this host only", async () => {
    const res = await fetch(`${server.url}/api/documents`);
    const csp = res.headers.get("content-security-policy") ?? "";
    const directives = Object.fromEntries(
      csp.split(";").map((d) => {
        const [name = "", ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives["script-src"]).toEqual(["'self'"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["base-uri"]).toEqual(["'none'"]);
    expect(directives["frame-ancestors"]).toEqual(["'none'"]);
    const host = new URL(server.url).host;
    expect(directives["connect-src"]).toEqual(["'self'", `ws://${host}`, `wss://${host}`]);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("sets the session cookie HttpOnly and SameSite=Lax, not Secure unless configured", async () => {
    const res = await signIn(server.url, "lukas.frei@so.ch", DEMO_PASSWORD);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
  });
});

describe("sign-in throttling", () => {
  /** A server of its own per test (the throttle's counts are the state), with Marco's e-mail failed three times from this address. */
  async function marcoThrottled() {
    const server = await startTestServer({
      LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: "3",
      LOGIN_MAX_FAILURES_PER_ADDRESS: "6",
      COOKIE_SECURE: "true",
    });
    for (let i = 0; i < 3; i++)
      expect((await signIn(server.url, "marco.rossi@sem.admin.ch", "falsch")).status).toBe(401);
    return server;
  }

  it("answers 429 too_many_attempts with Retry-After once an e-mail failed too often from an address, even to the right password", async () => {
    const server = await marcoThrottled();
    const limited = await signIn(server.url, "marco.rossi@sem.admin.ch", DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const body = (await limited.json()) as ErrorBody;
    expect(body.code).toBe("too_many_attempts");
    expect(body.message).toMatch(/try again/);
    expect(limited.headers.get("set-cookie")).toBeNull();
  });

  it("still lets another account sign in, with a Secure cookie when COOKIE_SECURE is set", async () => {
    const server = await marcoThrottled();
    const res = await signIn(server.url, "claire.dubois@sem.admin.ch", DEMO_PASSWORD);
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toMatch(/Secure/);
  });

  it("limits one address trying many e-mails; a success in between resets nothing", async () => {
    // Three failures for Marco; three more reach the address limit of six.
    const server = await marcoThrottled();
    expect((await signIn(server.url, "a@so.ch", "falsch")).status).toBe(401);
    expect((await signIn(server.url, "lukas.frei@so.ch", DEMO_PASSWORD)).status).toBe(200);
    expect((await signIn(server.url, "b@so.ch", "falsch")).status).toBe(401);
    expect((await signIn(server.url, "c@so.ch", "falsch")).status).toBe(401);
    const limited = await signIn(server.url, "andrea.meier@so.ch", DEMO_PASSWORD);
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as ErrorBody).code).toBe("too_many_attempts");
  });

  it("answers an invalid sign-in request with 400, even from a throttled address", async () => {
    const server = await marcoThrottled();
    for (const email of ["a@so.ch", "b@so.ch", "c@so.ch"])
      expect((await signIn(server.url, email, "falsch")).status).toBe(401);
    expect((await signIn(server.url, "andrea.meier@so.ch", DEMO_PASSWORD)).status).toBe(429);
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "no-email", password: "x" }),
    });
    expect(res.status).toBe(400);
  });
});

describe("a refused WebSocket upgrade", async () => {
  const server = await startTestServer();

  it("answers 401 without a session, before upgrading", async () => {
    expect(await rawSocket(server.url, "kip3-konzept-so", null).refused).toBe(401);
  });
});
