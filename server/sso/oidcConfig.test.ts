import { describe, expect, it } from "vitest";
import { parseConfig } from "../config.ts";

const OIDC = {
  OIDC_ISSUER: "https://idp.eiam.admin.ch/",
  OIDC_CLIENT_ID: "accord-sem",
  OIDC_CLIENT_SECRET: "a-secret-of-at-least-16",
  OIDC_REDIRECT_URL: "https://accord.sem.admin.ch/api/auth/oidc/callback",
};

describe("single sign-on configuration", () => {
  it("is off when none of its variables is set", () => {
    expect(parseConfig({}).oidc).toBeNull();
  });

  it("reads the four variables and the optional label", () => {
    expect(parseConfig({ ...OIDC, OIDC_LABEL: " Mit eIAM anmelden " }).oidc).toEqual({
      issuer: new URL(OIDC.OIDC_ISSUER),
      clientId: "accord-sem",
      clientSecret: OIDC.OIDC_CLIENT_SECRET,
      redirectUrl: new URL(OIDC.OIDC_REDIRECT_URL),
      label: "Mit eIAM anmelden",
    });
    expect(parseConfig(OIDC).oidc?.label).toBeNull();
  });

  it("refuses half a configuration, naming each missing variable", () => {
    expect(() => parseConfig({ OIDC_ISSUER: OIDC.OIDC_ISSUER })).toThrow(
      /OIDC_CLIENT_ID.*OIDC_CLIENT_SECRET.*OIDC_REDIRECT_URL/,
    );
    expect(() => parseConfig({ OIDC_LABEL: "Mit eIAM anmelden" })).toThrow(/OIDC_LABEL/);
  });

  it.each([
    ["OIDC_ISSUER", "http://idp.example.ch"],
    ["OIDC_ISSUER", "not a url"],
    ["OIDC_REDIRECT_URL", "http://accord.example.ch/api/auth/oidc/callback"],
    ["OIDC_REDIRECT_URL", "https://accord.example.ch/callback"],
    ["OIDC_REDIRECT_URL", "https://accord.example.ch/api/auth/oidc/callback?x=1"],
    ["OIDC_CLIENT_SECRET", "short"],
    ["OIDC_LABEL", "Mit eIAM\nanmelden"],
    ["OIDC_LABEL", "x".repeat(81)],
  ])("refuses %s=%j, naming it", (name, value) => {
    expect(() => parseConfig({ ...OIDC, [name]: value })).toThrow(new RegExp(name));
  });

  it("accepts plain HTTP only to this machine (a provider started by the tests, a local proxy)", () => {
    const local = parseConfig({
      ...OIDC,
      OIDC_ISSUER: "http://127.0.0.1:4000",
      OIDC_REDIRECT_URL: "http://localhost:8080/api/auth/oidc/callback",
    });
    expect(local.oidc?.issuer.href).toBe("http://127.0.0.1:4000/");
  });
});
