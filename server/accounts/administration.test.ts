import { describe, expect, it } from "vitest";
import { administers, isInstanceAdmin, keepsAnAdministrator } from "./administration.ts";

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

describe("the last instance administrator", () => {
  it("may not leave while no other active administrator remains", () => {
    expect(keepsAnAdministrator("u-a")(["u-a"])).toBe("last_admin");
    expect(keepsAnAdministrator("u-a")(["u-a", "u-b"])).toBeNull();
  });

  it("does not hold back a change to someone who is no active administrator", () => {
    expect(keepsAnAdministrator("u-c")(["u-a"])).toBeNull();
    expect(keepsAnAdministrator("u-c")([])).toBeNull();
  });
});
