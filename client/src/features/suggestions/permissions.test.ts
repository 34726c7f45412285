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

describe("suggestion permissions", () => {
  it("lets the other party accept under cross-party acceptance, and not the author's own organisation", () => {
    expect(canAccept(lukas, bySem, true)).toBe(true);
    expect(canAccept(marco, bySem, true)).toBe(false);
    expect(canAccept(marco, bySem, false)).toBe(true);
  });

  it("lets suggesters withdraw only their own suggestions and never accept", () => {
    expect(canReject(claire, bySem)).toBe(true);
    expect(canAccept(claire, bySem, false)).toBe(false);
    expect(canReject({ ...claire, id: "u-other" }, bySem)).toBe(false);
    expect(canReject(marco, bySem)).toBe(true);
  });
});
