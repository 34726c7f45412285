import { getSchema, type JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { schemaExtensions } from "../../../shared/schema/extensions.ts";
import { docxOf } from "../../export/docx.ts";
import type { ExportMeta } from "../../export/meta.ts";
import { readDocx } from "./index.ts";

const schema = getSchema(schemaExtensions());

const META: ExportMeta = {
  title: "Rundreise",
  documentId: "doc-1",
  kindLabel: "Konzept",
  milestone: null,
  versionId: null,
  seq: null,
  contentHash: null,
  chainHash: null,
  frozenAt: "2024-01-01T00:00:00Z",
  frozenBy: null,
  draft: true,
  approvals: [],
};

/** The first block of every generated document: what the export puts before it (title, cover) is skipped up to here. */
const SENTINEL = "Beginn des Textes";

const word = fc.constantFrom("Ziel", "Massnahme", "Gemeinde", "Frist", "über", "Änderung", "2025", "SEM", "a", "Z");
const plainText = fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(" "));
const markSet = fc.subarray(["bold", "italic", "underline", "strike"] as const);
const link = fc.option(fc.constantFrom("https://www.sem.admin.ch/", "mailto:info@example.ch"), { nil: undefined });

const textNode: fc.Arbitrary<JSONContent> = fc.record({ text: plainText, marks: markSet, href: link }).map((t) => ({
  type: "text",
  text: t.text,
  marks: [...t.marks.map((m) => ({ type: m })), ...(t.href ? [{ type: "link", attrs: { href: t.href } }] : [])],
}));
const inline = fc
  .array(fc.oneof({ weight: 5, arbitrary: textNode }, { weight: 1, arbitrary: fc.constant({ type: "hardBreak" }) }), {
    minLength: 1,
    maxLength: 5,
  })
  // Text nodes are separated by a space so that two of them never merge into one word differently marked.
  .map((nodes) => nodes.flatMap((n, i) => (i > 0 && n.type === "text" ? [{ type: "text", text: " " }, n] : [n])));
const paragraph = inline.map((content) => ({ type: "paragraph", content }));
const heading = fc.record({ level: fc.integer({ min: 1, max: 4 }), content: inline }).map(({ level, content }) => ({
  type: "heading",
  attrs: { level },
  content,
}));

const list = (depth: number): fc.Arbitrary<JSONContent> =>
  fc
    .record({
      ordered: fc.boolean(),
      items: fc.array(
        fc.record({
          paragraph,
          nested: depth < 2 ? fc.option(list(depth + 1), { nil: undefined }) : fc.constant(undefined),
        }),
        { minLength: 1, maxLength: 3 },
      ),
    })
    .map(({ ordered, items }) => ({
      type: ordered ? "orderedList" : "bulletList",
      ...(ordered ? { attrs: { start: 1 } } : {}),
      content: items.map(({ paragraph: p, nested }) => ({ type: "listItem", content: nested ? [p, nested] : [p] })),
    }));

const table = fc
  .record({
    columns: fc.integer({ min: 1, max: 3 }),
    rows: fc.integer({ min: 1, max: 3 }),
    header: fc.boolean(),
    texts: fc.array(paragraph, { minLength: 9, maxLength: 9 }),
  })
  .map(({ columns, rows, header, texts }) => ({
    type: "table",
    content: Array.from({ length: rows }, (_, r) => ({
      type: "tableRow",
      content: Array.from({ length: columns }, (_, c) => ({
        type: header && r === 0 ? "tableHeader" : "tableCell",
        content: [texts[r * columns + c] ?? { type: "paragraph" }],
      })),
    })),
  }));

/**
 * Documents from the schema. One ordered list at most: main's exporter writes every
 * ordered list with one numbering, so Word (and this reader) would count a second one on.
 */
const document = fc
  .array(fc.oneof({ weight: 3, arbitrary: paragraph }, heading, list(0), table), { minLength: 1, maxLength: 6 })
  .filter((blocks) => JSON.stringify(blocks).split('"orderedList"').length <= 2)
  .map((blocks) => ({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: SENTINEL }] }, ...blocks],
  }));

/** The document as the schema normalises it (mark order, default attributes, merged text). */
const normal = (doc: JSONContent) => schema.nodeFromJSON(doc).toJSON() as JSONContent;

/** The blocks after the sentinel; the empty paragraph main's exporter writes after each table is its layout, not content. */
function body(doc: JSONContent): JSONContent[] {
  const blocks = doc.content ?? [];
  const start = blocks.findIndex((b) => b.content?.[0]?.text === SENTINEL);
  expect(start).toBeGreaterThanOrEqual(0);
  return blocks
    .slice(start + 1)
    .filter((b, i, all) => !(b.type === "paragraph" && !b.content && all[i - 1]?.type === "table"));
}

describe("our DOCX export read back with readDocx", () => {
  it("gives the same document", async () => {
    await fc.assert(
      fc.asyncProperty(document, async (doc) => {
        const imported = await readDocx(await docxOf(doc, META));
        expect(body(imported.doc)).toEqual(body(normal(doc)));
      }),
      { numRuns: 50 },
    );
  }, 120_000);
});
