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

  it("reads a document with a thread or a version to show, and round-trips them", () => {
    const thread = { page: "document", documentId: "kip3-konzept-so", threadId: "t-1 ü" } as const;
    const version = { page: "document", documentId: "kip3-konzept-so", versionId: "v-abc" } as const;
    expect(hrefOf(thread)).toBe("#/documents/kip3-konzept-so/threads/t-1%20%C3%BC");
    expect(parseRoute(hrefOf(thread))).toEqual(thread);
    expect(parseRoute(hrefOf(version))).toEqual(version);
    expect(parseRoute("#/documents/kip3-konzept-so/other/x")).toEqual({ page: "list" });
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

describe("account routes", () => {
  it("reads the account, admin and forgotten-password pages and the invitation and reset links", () => {
    expect(parseRoute("#/account")).toEqual({ page: "account" });
    expect(parseRoute("#/admin")).toEqual({ page: "admin" });
    expect(parseRoute("#/forgot")).toEqual({ page: "forgot" });
    const token = `${"A".repeat(42)}_`;
    expect(parseRoute(`#/invitation/${token}`)).toEqual({ page: "invitation", token });
    expect(parseRoute(hrefOf({ page: "reset", token }))).toEqual({ page: "reset", token });
  });

  it("sends a link with anything but a token's characters to the list", () => {
    expect(parseRoute("#/invitation/a%2Fb")).toEqual({ page: "list" });
    expect(parseRoute("#/reset/")).toEqual({ page: "list" });
  });
});
