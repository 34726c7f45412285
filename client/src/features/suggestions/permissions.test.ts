import { describe, expect, it } from "vitest";
import type { SuggestionSummary } from "../../../../shared/suggestions/list.ts";
import { canAccept, canReject } from "./permissions.ts";

const bySem: SuggestionSummary = {
  id: "x",
  origin: { userId: "u-claire", orgId: "sem", at: 0 },
  inserted: "a",
  deleted: "",
  from: 1,
  to: 2,
};
const lukas = { id: "u-lukas", orgId: "kanton-so", role: "editor" as const };
const marco = { id: "u-marco", orgId: "sem", role: "editor" as const };
const claire = { id: "u-claire", orgId: "sem", role: "suggester" as const };

const PARTIES = ["kanton-so", "sem"];
const crossParty = { on: true, parties: PARTIES };
const free = { on: false, parties: PARTIES };

describe("suggestion permissions", () => {
  it("lets the other party accept under cross-party acceptance, and not the author's own organisation", () => {
    expect(canAccept(lukas, bySem, crossParty)).toBe(true);
    expect(canAccept(marco, bySem, crossParty)).toBe(false);
    expect(canAccept(marco, bySem, free)).toBe(true);
  });

  it("offers no acceptance under cross-party acceptance to a member of an organisation that is no party", () => {
    const bern = { id: "u-bea", orgId: "kanton-be", role: "editor" as const };
    expect(canAccept(bern, bySem, crossParty)).toBe(false);
    expect(canAccept(bern, bySem, free)).toBe(true);
  });

  it("lets suggesters withdraw only their own suggestions and never accept", () => {
    expect(canReject(claire, bySem)).toBe(true);
    expect(canAccept(claire, bySem, free)).toBe(false);
    expect(canReject({ ...claire, id: "u-other" }, bySem)).toBe(false);
    expect(canReject(marco, bySem)).toBe(true);
  });
});
