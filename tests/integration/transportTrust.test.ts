import { request } from "node:http";
import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, startTestServer } from "../helpers/server.ts";

const TOKEN = "a-long-metrics-token-for-tests";

/** An address of this machine that is not loopback, to reach the server as a remote client would. */
const externalAddress = Object.values(networkInterfaces())
  .flat()
  .find((i) => i && i.family === "IPv4" && !i.internal)?.address;

describe("/metrics is not readable by everyone by default", async () => {
  const open = await startTestServer({ HOST: "0.0.0.0" });
  const proxied = await startTestServer({ TRUST_PROXY: "127.0.0.1" });
  const guarded = await startTestServer({ HOST: "0.0.0.0", METRICS_TOKEN: TOKEN, TRUST_PROXY: "127.0.0.1" });
  const port = (url: string) => new URL(url).port;

  it("without a token, answers this machine", async () => {
    const res = await fetch(`${open.url}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/^accord_open_rooms \d+$/m);
  });

  it.skipIf(!externalAddress)("without a token, refuses a client on another address with 403", async () => {
    const res = await fetch(`http://${externalAddress}:${port(open.url)}/metrics`);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ code: "forbidden", message: expect.stringContaining("METRICS_TOKEN") });
  });

  it("without a token, refuses what a reverse proxy relayed, declared or not", async () => {
    // An undeclared proxy on this host: the peer is 127.0.0.1, but the request names a client.
    const relayed = await fetch(`${open.url}/metrics`, { headers: { "x-forwarded-for": "203.0.113.5" } });
    expect(relayed.status).toBe(403);
    const viaForwarded = await fetch(`${open.url}/metrics`, { headers: { forwarded: "for=203.0.113.5" } });
    expect(viaForwarded.status).toBe(403);
    // A declared proxy: the client it names is remote.
    const declared = await fetch(`${proxied.url}/metrics`, { headers: { "x-forwarded-for": "203.0.113.5" } });
    expect(declared.status).toBe(403);
    expect(await declared.text()).not.toContain("accord_");
  });

  it("with a token, asks everyone for it, this machine included, and lets it through from anywhere", async () => {
    expect((await fetch(`${guarded.url}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${guarded.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const remote = await fetch(`${guarded.url}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}`, "x-forwarded-for": "203.0.113.5" },
    });
    expect(remote.status).toBe(200);
    expect(await remote.text()).toMatch(/^accord_connections \d+$/m);
  });
});

describe("the session cookie is Secure whenever the client came over HTTPS", async () => {
  const direct = await startTestServer();
  const proxied = await startTestServer({ TRUST_PROXY: "127.0.0.1" });
  const forced = await startTestServer({ COOKIE_SECURE: "true" });

  const cookieOf = async (base: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ email: "andrea.meier@so.ch", password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    return res.headers.get("set-cookie") ?? "";
  };

  it("is Secure behind a trusted proxy that says https", async () => {
    expect(await cookieOf(proxied.url, { "x-forwarded-proto": "https" })).toMatch(/;\s*Secure/i);
  });

  it("is not Secure over plain HTTP, nor when an untrusted peer claims https", async () => {
    expect(await cookieOf(proxied.url)).not.toMatch(/Secure/i);
    expect(await cookieOf(proxied.url, { "x-forwarded-proto": "http" })).not.toMatch(/Secure/i);
    expect(await cookieOf(direct.url, { "x-forwarded-proto": "https" })).not.toMatch(/Secure/i);
  });

  it("is not Secure when a plain-HTTP request line names an https:// URL", async () => {
    const { port } = new URL(direct.url);
    const setCookie = await new Promise<string>((resolve, reject) => {
      const req = request(
        // Absolute form: the URL Hono sees says https, the socket does not.
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: `https://127.0.0.1:${port}/api/auth/login`,
          headers: { "content-type": "application/json" },
        },
        (res) => {
          res.resume();
          expect(res.statusCode).toBe(200);
          resolve(String(res.headers["set-cookie"] ?? ""));
        },
      );
      req.on("error", reject);
      req.end(JSON.stringify({ email: "andrea.meier@so.ch", password: DEMO_PASSWORD }));
    });
    expect(setCookie).toMatch(/^accord_session=/);
    expect(setCookie).not.toMatch(/Secure/i);
  });

  it("is always Secure with COOKIE_SECURE=true", async () => {
    expect(await cookieOf(forced.url)).toMatch(/;\s*Secure/i);
  });
});
