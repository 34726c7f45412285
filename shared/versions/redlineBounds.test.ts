import type { JSONContent } from "@tiptap/core";
import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { schemaExtensions } from "../schema/extensions.ts";
import { withAllAccepted, withAllRejected } from "../suggestions/outcomes.ts";
import { redline } from "./redline.ts";

const schema = getSchema(schemaExtensions());

/** A document of `paragraphs` paragraphs of ten words each, word k of paragraph i named by `word`. */
const text = (paragraphs: number, word: (i: number, k: number) => string): JSONContent => ({
  type: "doc",
  content: Array.from({ length: paragraphs }, (_, i) => ({
    type: "paragraph",
    content: [{ type: "text", text: Array.from({ length: 10 }, (_, k) => word(i, k)).join(" ") }],
  })),
});

const plain = (doc: JSONContent) => {
  const lines: string[] = [];
  schema.nodeFromJSON(doc).forEach((b) => {
    lines.push(b.textContent);
  });
  return lines;
};

/** Words of the redline that no insertion or deletion mark covers. */
function unmarkedWords(doc: JSONContent): string[] {
  const out: string[] = [];
  const walk = (n: JSONContent) => {
    if (n.type === "text" && !n.marks?.some((m) => m.type === "insertion" || m.type === "deletion"))
      out.push(...(n.text ?? "").split(/\s+/).filter(Boolean));
    for (const c of n.content ?? []) walk(c);
  };
  walk(doc);
  return out;
}

describe("the comparison's cost is bounded", () => {
  it("compares texts that differ in more words than the bound as removed and written anew, still exact", () => {
    // Every other word changed in 400 paragraphs: 2000 words out, 2000 in, beyond the bound
    // (the diff's cost grows with the square of the edits; unrelated long texts took minutes).
    const from = text(400, (i, k) => `w${i}x${k}`);
    const to = text(400, (i, k) => (k % 2 === 0 ? `n${i}x${k}` : `w${i}x${k}`));
    const red = redline(from, to).doc;
    schema.nodeFromJSON(red).check();
    expect(plain(withAllAccepted(schema.nodeFromJSON(red)).toJSON())).toEqual(plain(to));
    expect(plain(withAllRejected(schema.nodeFromJSON(red)).toJSON())).toEqual(plain(from));
    expect(unmarkedWords(red)).toEqual([]);
  });

  it("still compares a few edits in a long text word by word", () => {
    const from = text(400, (i, k) => `w${i}x${k}`);
    const to = text(400, (i, k) => (i === 200 && k === 3 ? "neu" : `w${i}x${k}`));
    const red = redline(from, to).doc;
    expect(unmarkedWords(red).length).toBe(3999);
  });
});
