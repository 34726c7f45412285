import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { clientAddress, isHttps } from "./clientAddress.ts";

/** What the handler sees for a request from `peer` with `headers`, trusting `trusted`. */
async function seen(peer: string, headers: Record<string, string>, trusted: string[] = []) {
  const app = new Hono().get("/", (c) =>
    c.json({ address: clientAddress(c, new Set(trusted)), https: isHttps(c, new Set(trusted)) }),
  );
  const env = { incoming: { socket: { remoteAddress: peer, encrypted: false } } };
  const res = await app.request("http://accord.test/", { headers }, env);
  return (await res.json()) as { address: string; https: boolean };
}

describe("clientAddress", () => {
  it("is the TCP peer, whatever the headers claim, unless the peer is a trusted proxy", async () => {
    const forged = { "x-forwarded-for": "198.51.100.7", "x-forwarded-proto": "https" };
    expect(await seen("203.0.113.5", forged)).toEqual({ address: "203.0.113.5", https: false });
    expect(await seen("::ffff:203.0.113.5", {})).toEqual({ address: "203.0.113.5", https: false });
    expect(await seen("10.0.0.2", forged, ["10.0.0.2"])).toEqual({ address: "198.51.100.7", https: true });
  });

  it("walks X-Forwarded-For from the right past trusted proxies; what the client wrote on the left does not count", async () => {
    const chain = { "x-forwarded-for": "192.0.2.66, 198.51.100.7, 10.0.0.3" };
    expect((await seen("10.0.0.2", chain, ["10.0.0.2", "10.0.0.3"])).address).toBe("198.51.100.7");
    expect((await seen("10.0.0.2", { "x-forwarded-for": "not-an-ip" }, ["10.0.0.2"])).address).toBe("10.0.0.2");
  });
});
