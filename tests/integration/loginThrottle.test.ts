import { request } from "node:http";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, startTestServer } from "../helpers/server.ts";

const MARCO = "marco.rossi@sem.admin.ch";

/**
 * Signs in over a TCP connection from `localAddress` (any 127.x.y.z reaches the test server
 * on 127.0.0.1): the server throttles by the connection's address, never by a header a
 * client could set.
 */
function signInFrom(
  url: string,
  localAddress: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; retryAfter: string | null; cookie: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${url}/api/auth/login`,
      { method: "POST", localAddress, headers: { "content-type": "application/json", ...headers } },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: (res.headers["retry-after"] as string | undefined) ?? null,
            cookie: res.headers["set-cookie"] !== undefined,
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify({ email, password }));
  });
}

describe("sign-in throttling across addresses", () => {
  const throttled = () =>
    startTestServer({
      LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: "3",
      LOGIN_MAX_FAILURES_PER_ADDRESS: "10",
      LOGIN_MAX_FAILURES_PER_ACCOUNT: "6",
    });
  const A = "127.0.0.2";
  const B = "127.0.0.1";

  it("stops the guessing address, even with the right password, while the owner signs in from another", async () => {
    const server = await throttled();
    for (let i = 0; i < 3; i++) expect((await signInFrom(server.url, A, MARCO, "falsch")).status).toBe(401);
    const guesser = await signInFrom(server.url, A, MARCO, DEMO_PASSWORD);
    expect(guesser.status).toBe(429);
    expect(Number(guesser.retryAfter)).toBeGreaterThan(0);
    expect(guesser.cookie).toBe(false);

    const owner = await signInFrom(server.url, B, MARCO, DEMO_PASSWORD);
    expect(owner.status).toBe(200);
    expect(owner.cookie).toBe(true);
    // Still throttled at A: the owner's success cleared nothing.
    expect((await signInFrom(server.url, A, MARCO, DEMO_PASSWORD)).status).toBe(429);
    // Nor does a header any client can send make A another address.
    const spoofed = await signInFrom(server.url, A, MARCO, DEMO_PASSWORD, { "x-forwarded-for": "198.51.100.7" });
    expect(spoofed.status).toBe(429);
  });

  it("caps guessing one account from many addresses with the separate, higher per-account bound", async () => {
    const server = await throttled();
    // Six addresses, one failure each: none reaches its own bounds, the account reaches its cap of six.
    for (const address of ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7"]) {
      expect((await signInFrom(server.url, address, MARCO, "falsch")).status).toBe(401);
    }
    expect((await signInFrom(server.url, "127.0.0.8", MARCO, DEMO_PASSWORD)).status).toBe(429);
    expect((await signInFrom(server.url, "127.0.0.8", "lukas.frei@so.ch", DEMO_PASSWORD)).status).toBe(200);
  });

  it("keeps the owner's own address working when guesses from many others fill the per-account cap", async () => {
    const server = await throttled();
    expect((await signInFrom(server.url, B, MARCO, DEMO_PASSWORD)).status).toBe(200); // the owner's usual place
    for (const address of ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5", "127.0.0.6", "127.0.0.7"]) {
      expect((await signInFrom(server.url, address, MARCO, "falsch")).status).toBe(401);
    }
    // New places stay capped, the owner's own does not.
    expect((await signInFrom(server.url, "127.0.0.8", MARCO, DEMO_PASSWORD)).status).toBe(429);
    expect((await signInFrom(server.url, B, MARCO, DEMO_PASSWORD)).status).toBe(200);
    // A wrong password from the owner's place is still a failure there.
    for (let i = 0; i < 3; i++) expect((await signInFrom(server.url, B, MARCO, "falsch")).status).toBe(401);
    expect((await signInFrom(server.url, B, MARCO, DEMO_PASSWORD)).status).toBe(429);
  });

  it("counts an IPv6 client by its /64, so hopping addresses inside it buys no new budget", async () => {
    const server = await startTestServer({
      TRUST_PROXY: "127.0.0.1",
      LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: "3",
      LOGIN_MAX_FAILURES_PER_ADDRESS: "10",
      LOGIN_MAX_FAILURES_PER_ACCOUNT: "100",
    });
    const from = (host: number, password: string) =>
      signInFrom(server.url, B, MARCO, password, { "x-forwarded-for": `2001:db8:0:1::${host}` });
    for (let host = 1; host <= 3; host++) expect((await from(host, "falsch")).status).toBe(401);
    expect((await from(4, DEMO_PASSWORD)).status).toBe(429);
    // Another /64 is another client.
    const elsewhere = await signInFrom(server.url, B, MARCO, DEMO_PASSWORD, { "x-forwarded-for": "2001:db8:0:2::1" });
    expect(elsewhere.status).toBe(200);
  });
});
