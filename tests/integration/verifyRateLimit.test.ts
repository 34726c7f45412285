import { describe, expect, it } from "vitest";
import { requestFrom } from "../helpers/httpFrom.ts";
import { startTestServer } from "../helpers/server.ts";

const HASH = { hash: "0".repeat(64) };

describe("POST /api/verify is limited per client address", async () => {
  const server = await startTestServer();
  const proxied = await startTestServer({ TRUST_PROXY: "127.0.0.1" });

  const verifyFrom = (base: string, address: string, headers: Record<string, string> = {}) =>
    requestFrom(address, `${base}/api/verify`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify(HASH),
    });

  it("answers the 31st verification in a minute with 429 and Retry-After, while another address still gets 200", async () => {
    for (let i = 0; i < 30; i++) expect((await verifyFrom(server.url, "127.0.0.1")).status).toBe(200);
    const refused = await verifyFrom(server.url, "127.0.0.1");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(JSON.parse(refused.body)).toEqual({
      code: "too_many_requests",
      message: expect.stringMatching(/try again in \d+ s/),
    });
    expect((await verifyFrom(server.url, "127.0.0.2")).status).toBe(200);
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", async () => {
    // 127.0.0.3 spends its budget while claiming a new address on every request.
    for (let i = 0; i < 30; i++) {
      const res = await verifyFrom(server.url, "127.0.0.3", { "x-forwarded-for": `198.51.100.${i}` });
      expect(res.status).toBe(200);
    }
    expect((await verifyFrom(server.url, "127.0.0.3", { "x-forwarded-for": "198.51.100.200" })).status).toBe(429);
  });

  it("counts the forwarded client behind a trusted proxy, not the proxy", async () => {
    for (let i = 0; i < 30; i++) {
      expect((await verifyFrom(proxied.url, "127.0.0.1", { "x-forwarded-for": "198.51.100.1" })).status).toBe(200);
    }
    expect((await verifyFrom(proxied.url, "127.0.0.1", { "x-forwarded-for": "198.51.100.1" })).status).toBe(429);
    // A client-written entry left of the proxy's own does not buy a fresh budget.
    const forged = await verifyFrom(proxied.url, "127.0.0.1", { "x-forwarded-for": "192.0.2.99, 198.51.100.1" });
    expect(forged.status).toBe(429);
    expect((await verifyFrom(proxied.url, "127.0.0.1", { "x-forwarded-for": "198.51.100.2" })).status).toBe(200);
  });
});
