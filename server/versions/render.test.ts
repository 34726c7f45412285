import { describe, expect, it } from "vitest";
import { makeSuggestionId } from "../../shared/suggestions/ids.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";
import { suggestionAttribution } from "./render.ts";

const AT = Date.parse("2026-11-27T09:30:00Z");
const anna = makeSuggestionId({ userId: "u-anna", orgId: "so" }, AT, "aaaa1111");
const imported = makeSuggestionId({ userId: "u-anna", orgId: "so" }, AT, "bbbb2222");
const doc = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "insertion", attrs: { id: anna } }] }] },
  ],
};
const store = {
  findUserById: async (id: string) => (id === "u-anna" ? { name: "Anna Live" } : null),
} as unknown as NameLookup;

describe("who made a pending suggestion, for Word", () => {
  it("names the suggester as recorded at the freeze, at the time in the suggestion's id", async () => {
    const of = await suggestionAttribution(store, doc, {
      recorded: { "u-anna": "Anna Muster" },
      fallbackAt: "2026-01-01T00:00:00Z",
    });
    expect(of(anna)).toEqual({ name: "Anna Muster", at: "2026-11-27T09:30:00.000Z" });
  });

  it("looks the name up only without a record", async () => {
    const of = await suggestionAttribution(store, doc, { fallbackAt: "2026-01-01T00:00:00Z" });
    expect(of(anna).name).toBe("Anna Live");
  });

  it("gives an imported suggestion its Word author and date", async () => {
    const wordOrigins = new Map([[`s:${imported}`, { author: "Jurist Kanton", date: "2024-03-01T10:00:00Z" }]]);
    const of = await suggestionAttribution(store, doc, {
      recorded: {},
      wordOrigins,
      fallbackAt: "2026-01-01T00:00:00Z",
    });
    expect(of(imported)).toEqual({ name: "Jurist Kanton", at: "2024-03-01T10:00:00Z" });
  });

  it("never takes a name or time from an id Accord did not make", async () => {
    const of = await suggestionAttribution(store, doc, { recorded: {}, fallbackAt: "2026-01-01T00:00:00Z" });
    for (const forged of ["s1|u-anna|so|notatime|x", "Anna Muster", 42, null, `${"s1|".repeat(100)}`])
      expect(of(forged)).toEqual({ name: "Accord", at: "2026-01-01T00:00:00Z" });
  });
});
