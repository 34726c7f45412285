import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { specDocx, wp, wr } from "../../../tests/helpers/wordFiles.ts";
import { readDocx } from "./index.ts";

const level = (ilvl: number, format: string, start = 1) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="${format}"/><w:lvlText w:val="%${ilvl + 1}."/></w:lvl>`;
const numbering =
  `<w:abstractNum w:abstractNumId="10">${level(0, "decimal")}${level(1, "lowerLetter")}</w:abstractNum>` +
  `<w:abstractNum w:abstractNumId="20">${level(0, "bullet")}${level(1, "decimal", 5)}</w:abstractNum>` +
  '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>' +
  // A second instance of the same definition restarting at 1: a new list (Word's "Restart numbering").
  '<w:num w:numId="2"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
  '<w:num w:numId="3"><w:abstractNumId w:val="20"/></w:num>' +
  '<w:num w:numId="4"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:start w:val="7"/><w:numFmt w:val="upperRoman"/></w:lvl></w:lvlOverride></w:num>';

const item = (text: string, numId: number, ilvl = 0) =>
  wp(wr(text), `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`);

/** Lists as [type, start, item texts (nested lists in brackets)]. */
function shape(n: JSONContent): unknown {
  if (n.type === "bulletList" || n.type === "orderedList")
    return [n.type, n.attrs?.start ?? null, (n.content ?? []).map(shape)];
  if (n.type === "listItem") {
    const [first, ...rest] = n.content ?? [];
    const text = first?.content?.[0]?.text;
    return rest.length ? [text, ...rest.map(shape)] : text;
  }
  return n.content?.[0]?.text;
}

const lists = async (body: string) => ((await readDocx(specDocx({ numbering, body }))).doc.content ?? []).map(shape);

describe("numbering: lists, levels, starts and restarts", () => {
  it("nests by w:ilvl with each level's own format", async () => {
    expect(await lists(item("a", 1) + item("a.i", 1, 1) + item("a.ii", 1, 1) + item("b", 1))).toEqual([
      ["orderedList", 1, [["a", ["orderedList", 1, ["a.i", "a.ii"]]], "b"]],
    ]);
    expect(await lists(item("Punkt", 3) + item("fünf", 3, 1))).toEqual([
      ["bulletList", null, [["Punkt", ["orderedList", 5, ["fünf"]]]]],
    ]);
  });

  it("restarts where w:lvlOverride/w:startOverride says so, and continues a definition's count otherwise", async () => {
    const body =
      item("eins", 1) +
      item("zwei", 1) +
      wp(wr("Zwischentext")) +
      item("drei", 1) + // the same instance after a paragraph: Word counts on
      item("neu eins", 2) + // restarted: a new list at 1 right after the other
      item("neu zwei", 2);
    expect(await lists(body)).toEqual([
      ["orderedList", 1, ["eins", "zwei"]],
      "Zwischentext",
      ["orderedList", 3, ["drei"]],
      ["orderedList", 1, ["neu eins", "neu zwei"]],
    ]);
  });

  it("takes a level redefined in the override, and a list style of its own is a new list", async () => {
    expect(await lists(item("sieben", 4) + item("Punkt", 3))).toEqual([
      ["orderedList", 7, ["sieben"]],
      ["bulletList", null, ["Punkt"]],
    ]);
  });

  it("reads a paragraph whose list is unknown or removed (numId 0) as a paragraph", async () => {
    expect(await lists(item("unbekannt", 99) + item("keine", 0))).toEqual(["unbekannt", "keine"]);
  });
});
