import { describe, expect, it } from "vitest";
import { schema } from "../../../../tests/helpers/headlessEditor.ts";
import { findMatches, MAX_MATCHES } from "./findMatches.ts";

const doc = (...paragraphs: unknown[][]) =>
  schema.nodeFromJSON({ type: "doc", content: paragraphs.map((content) => ({ type: "paragraph", content })) });
const text = (t: string, marks?: unknown[]) => ({ type: "text", text: t, ...(marks ? { marks } : {}) });

describe("findMatches", () => {
  it("finds every match, across runs of different formatting, ignoring case unless asked", () => {
    const d = doc([text("Integration und "), text("Int", [{ type: "bold" }]), text("egration")], [text("INTEGRATION")]);
    const { matches } = findMatches(d, "integration", false);
    expect(matches.map((m) => d.textBetween(m.from, m.to))).toEqual(["Integration", "Integration", "INTEGRATION"]);
    expect(findMatches(d, "integration", true).matches).toEqual([]);
  });

  it("does not find text suggested for deletion", () => {
    const deletion = { type: "deletion", attrs: { id: "s1|u-claire|sem|1|abcdefgh" } };
    const d = doc([text("alt", [deletion]), text("alt neu")]);
    expect(findMatches(d, "alt", false).matches).toEqual([{ from: 4, to: 7 }]);
  });

  it("stops at the bound and says so", () => {
    const d = doc([text("e".repeat(MAX_MATCHES + 5))]);
    const found = findMatches(d, "e", false);
    expect(found.matches).toHaveLength(MAX_MATCHES);
    expect(found.truncated).toBe(true);
  });

  it("finds nothing for an empty query", () => {
    expect(findMatches(doc([text("abc")]), "", false)).toEqual({ matches: [], truncated: false });
  });
});
