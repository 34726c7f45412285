import { describe, expect, it } from "vitest";
import { schema } from "../../../tests/helpers/headlessEditor.ts";
import { countText } from "./countText.ts";

const doc = (...paragraphs: string[]) =>
  schema.nodeFromJSON({
    type: "doc",
    content: paragraphs.map((p) => ({ type: "paragraph", content: p ? [{ type: "text", text: p }] : [] })),
  });

describe("countText", () => {
  it("counts words and characters over all blocks", () => {
    expect(countText(doc("Das KIP 3 (2024–2027) gilt.", "Zweiter Absatz"))).toEqual({ words: 7, characters: 41 });
  });

  it("counts hyphenated and elided words once, and an empty document as nothing", () => {
    expect(countText(doc("Integrations-Programm l’État e-mail")).words).toBe(3);
    expect(countText(doc(""))).toEqual({ words: 0, characters: 0 });
  });

  it("does not count the zero-width anchors of suggestions", () => {
    expect(countText(doc("a\u200Bb"))).toEqual({ words: 1, characters: 2 });
  });
});
