import { describe, expect, it } from "vitest";
import type { MembershipRow } from "../store/ports/DocumentStore.ts";
import { crossPartyByDefault } from "./documents.ts";
import { keepsAnOwner } from "./lastOwner.ts";

const member = (userId: string, role: MembershipRow["role"]): MembershipRow => ({ documentId: "d", userId, role });

describe("keepsAnOwner", () => {
  it("refuses to demote or remove the only owner", () => {
    const members = [member("a", "owner"), member("b", "editor")];
    expect(keepsAnOwner(members, { userId: "a", role: "editor" })).toBe("last_owner");
    expect(keepsAnOwner(members, { userId: "a", role: null })).toBe("last_owner");
  });

  it("lets one of two owners go, any change of a non-owner, and an owner stay owner", () => {
    const members = [member("a", "owner"), member("b", "owner"), member("c", "viewer")];
    expect(keepsAnOwner(members, { userId: "a", role: null })).toBeNull();
    expect(keepsAnOwner([member("a", "owner"), member("c", "viewer")], { userId: "c", role: null })).toBeNull();
    expect(keepsAnOwner([member("a", "owner")], { userId: "a", role: "owner" })).toBeNull();
    expect(keepsAnOwner([member("a", "owner")], { userId: "new", role: "editor" })).toBeNull();
  });
});

describe("crossPartyByDefault", () => {
  it("is on for agreements, off for concepts", () => {
    expect(crossPartyByDefault("agreement")).toBe(true);
    expect(crossPartyByDefault("concept")).toBe(false);
  });
});
