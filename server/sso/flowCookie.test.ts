import { describe, expect, it } from "vitest";
import { FLOW_LIFETIME_MS, FlowCookie } from "./flowCookie.ts";

const flow = { state: "s-123", nonce: "n-456", codeVerifier: "v-789" };
const cookies = new FlowCookie("a client secret of some length");

describe("FlowCookie", () => {
  it("opens what it sealed, and the sealed text does not show the verifier", () => {
    const sealed = cookies.seal(flow);
    expect(cookies.open(sealed)).toEqual(flow);
    expect(Buffer.from(sealed, "base64url").toString("latin1")).not.toContain("v-789");
  });

  it("refuses a cookie sealed with another secret (another deployment, a forgery)", () => {
    expect(new FlowCookie("another client secret, as long").open(cookies.seal(flow))).toBeNull();
  });

  it("refuses a cookie with one bit changed anywhere", () => {
    const raw = Buffer.from(cookies.seal(flow), "base64url");
    for (const at of [0, 13, raw.length - 1]) {
      const altered = Buffer.from(raw);
      altered[at] = (altered[at] ?? 0) ^ 1;
      expect(cookies.open(altered.toString("base64url"))).toBeNull();
    }
  });

  it("refuses a cookie older than the flow's lifetime, and one from the future", () => {
    const now = 1_700_000_000_000;
    const sealed = cookies.seal(flow, now);
    expect(cookies.open(sealed, now + FLOW_LIFETIME_MS)).toEqual(flow);
    expect(cookies.open(sealed, now + FLOW_LIFETIME_MS + 1)).toBeNull();
    expect(cookies.open(sealed, now - 1)).toBeNull();
  });

  it("refuses missing, short and oversize values without throwing", () => {
    expect(cookies.open(undefined)).toBeNull();
    expect(cookies.open("")).toBeNull();
    expect(cookies.open("abc")).toBeNull();
    expect(cookies.open("A".repeat(5000))).toBeNull();
  });
});
