import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { redlineDoc } from "./redline.ts";

const word = fc.constantFrom("Bund", "Kanton", "SEM", "Ziel", "Massnahme", "2024", "–", "fördert", "die", "und");
const sentence = fc.array(word, { minLength: 0, maxLength: 8 }).map((w) => w.join(" "));
const paragraph = sentence.map(
  (text): JSONContent => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] }),
);
const heading = sentence.map(
  (text): JSONContent => ({ type: "heading", attrs: { level: 2 }, content: text ? [{ type: "text", text }] : [] }),
);
const cell = paragraph.map(
  (p): JSONContent => ({ type: "tableCell", attrs: { colspan: 1, rowspan: 1 }, content: [p] }),
);
const table = fc
  .array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 })
  .map(
    (rows): JSONContent => ({ type: "table", content: rows.map((cells) => ({ type: "tableRow", content: cells })) }),
  );
const block = fc.oneof(
  { weight: 5, arbitrary: paragraph },
  { weight: 1, arbitrary: heading },
  { weight: 1, arbitrary: table },
);
const doc = fc.array(block, { maxLength: 8 }).map((content): JSONContent => ({ type: "doc", content }));

/** The text of every text block, in order, keeping or dropping what `keep` says about each text node. */
function texts(node: JSONContent, keep: (marks: string[]) => boolean): string[] {
  const out: string[] = [];
  const walk = (n: JSONContent) => {
    if (n.type === "paragraph" || n.type === "heading") {
      out.push(
        (n.content ?? [])
          .filter((t) => keep((t.marks ?? []).map((m) => m.type)))
          .map((t) => t.text ?? "")
          .join(""),
      );
      return;
    }
    for (const c of n.content ?? []) walk(c);
  };
  walk(node);
  return out;
}

const all = () => true;
/** Blocks a redline shows as wholly inserted (or deleted) are empty in the other reading; ignore empty texts. */
const nonEmpty = (list: string[]) => list.filter((t) => t !== "");

describe("redline", () => {
  it("of a document with itself marks nothing", () => {
    fc.assert(
      fc.property(doc, (a) => {
        expect(JSON.stringify(redlineDoc(a, a))).not.toMatch(/insertion|deletion/);
      }),
    );
  });

  it("reads as the new text without its deletions, and as the old text without its insertions", () => {
    fc.assert(
      fc.property(doc, doc, (a, b) => {
        const red = redlineDoc(a, b);
        expect(nonEmpty(texts(red, (m) => !m.includes("deletion")))).toEqual(nonEmpty(texts(b, all)));
        expect(nonEmpty(texts(red, (m) => !m.includes("insertion")))).toEqual(nonEmpty(texts(a, all)));
      }),
      { numRuns: 300 },
    );
  });

  it("marks changed words within a paragraph, not the whole paragraph", () => {
    const p = (text: string): JSONContent => ({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text }] }],
    });
    const red = redlineDoc(p("Der Kanton fördert die Sprache."), p("Der Kanton fördert die Sprachkurse."));
    expect(red.content?.[0]?.content).toEqual([
      { type: "text", text: "Der Kanton fördert die " },
      { type: "text", text: "Sprache", marks: [{ type: "deletion", attrs: { id: "redline" } }] },
      { type: "text", text: "Sprachkurse", marks: [{ type: "insertion", attrs: { id: "redline" } }] },
      { type: "text", text: "." },
    ]);
  });
});
