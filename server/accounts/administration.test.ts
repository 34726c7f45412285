import { describe, expect, it } from "vitest";
import { administers, isInstanceAdmin } from "./administration.ts";

describe("administration rights", () => {
  it("give the instance administrator every organisation", () => {
    expect(administers({ instanceRole: "admin", orgId: "sem" }, "kanton-be")).toBe(true);
    expect(isInstanceAdmin({ instanceRole: "admin" })).toBe(true);
  });

  it("give an organisation administrator their own organisation only", () => {
    expect(administers({ instanceRole: "org_admin", orgId: "kanton-be" }, "kanton-be")).toBe(true);
    expect(administers({ instanceRole: "org_admin", orgId: "kanton-be" }, "kanton-so")).toBe(false);
    expect(isInstanceAdmin({ instanceRole: "org_admin" })).toBe(false);
  });

  it("give everyone else nothing", () => {
    expect(administers({ instanceRole: null, orgId: "kanton-be" }, "kanton-be")).toBe(false);
    expect(isInstanceAdmin({ instanceRole: null })).toBe(false);
  });
});
