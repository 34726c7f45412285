import { describe, expect, it } from "vitest";
import { hrefOf, parseRoute } from "./route.ts";

describe("parseRoute", () => {
  it("reads the document list, the sign-in page and a document", () => {
    expect(parseRoute("")).toEqual({ page: "list" });
    expect(parseRoute("#/")).toEqual({ page: "list" });
    expect(parseRoute("#/login")).toEqual({ page: "login" });
    expect(parseRoute("#/verify")).toEqual({ page: "verify" });
    expect(hrefOf({ page: "verify" })).toBe("#/verify");
    expect(parseRoute("#/documents/kip3-konzept-so")).toEqual({ page: "document", documentId: "kip3-konzept-so" });
  });

  it("reads a refused single sign-on with its reason, an unknown reason as a provider error", () => {
    expect(parseRoute("#/sso-refused/unknown_domain")).toEqual({ page: "ssoRefused", reason: "unknown_domain" });
    expect(hrefOf({ page: "ssoRefused", reason: "email_unverified" })).toBe("#/sso-refused/email_unverified");
    expect(parseRoute("#/sso-refused/<script>")).toEqual({ page: "ssoRefused", reason: "provider_error" });
    expect(parseRoute("#/sso-refused/")).toEqual({ page: "ssoRefused", reason: "provider_error" });
  });

  it("sends unknown addresses to the document list", () => {
    expect(parseRoute("#/documents/")).toEqual({ page: "list" });
    expect(parseRoute("#/nowhere")).toEqual({ page: "list" });
  });

  it("round-trips document ids that need escaping", () => {
    const route = { page: "document", documentId: "a b/ü" } as const;
    expect(parseRoute(hrefOf(route))).toEqual(route);
  });
});
