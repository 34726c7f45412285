import type { JSONContent } from "@tiptap/core";
import type { Transaction } from "@tiptap/pm/state";
import fc from "fast-check";
import { type HeadlessEditor, paragraph, schema } from "./headlessEditor.ts";

/** Random documents of the schema and random edit sequences on them (direct and suggested), for property tests of comparisons. */

export type Edit =
  | { kind: "insert"; at: number; text: string }
  | { kind: "delete"; at: number; length: number }
  | { kind: "split"; at: number }
  | { kind: "bold"; at: number; length: number }
  | { kind: "heading"; at: number; level: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("insert" as const),
      at: fraction,
      text: fc.stringMatching(/^[a-z]{1,5} ?$/),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("delete" as const),
      at: fraction,
      length: fc.integer({ min: 1, max: 12 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("split" as const), at: fraction }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("bold" as const), at: fraction, length: fc.integer({ min: 1, max: 6 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("heading" as const),
      at: fraction,
      level: fc.integer({ min: 0, max: 3 }),
    }),
  },
);

/** Text positions of the document's top-level paragraphs and headings (edits stay there and in lists and cells). */
function positions(tr: Transaction): number[] {
  const out: number[] = [];
  tr.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    for (let i = 0; i <= node.content.size; i++) out.push(pos + 1 + i);
    return false;
  });
  return out;
}

function place(e: Edit, tr: Transaction): boolean {
  const all = positions(tr);
  const from = all[Math.floor(e.at * (all.length - 1))];
  if (from === undefined) return false;
  const $from = tr.doc.resolve(from);
  if (e.kind === "insert") tr.insertText(e.text, from);
  else if (e.kind === "split") {
    if ($from.depth !== 1) return false;
    tr.split(from);
  } else if (e.kind === "heading") {
    if ($from.depth !== 1) return false;
    // Level 0: back to a paragraph.
    const type = e.level === 0 ? schema.nodes.paragraph : schema.nodes.heading;
    if (!type) return false;
    tr.setBlockType(from, from, type, e.level === 0 ? null : { level: e.level });
  } else {
    const to = all[Math.min(all.indexOf(from) + e.length, all.length - 1)] ?? from;
    if (to <= from) return false;
    const $to = tr.doc.resolve(to);
    // Joins only between top-level blocks: a deletion into a table cell is no edit a reader makes.
    if ($from.parent !== $to.parent && ($from.depth !== 1 || $to.depth !== 1)) return false;
    if (e.kind === "delete") tr.delete(from, to);
    else if ($from.parent === $to.parent) tr.addMark(from, to, schema.mark("bold"));
    else return false;
  }
  return true;
}

const word = fc.constantFrom("Bund", "Kanton", "SEM", "Ziel", "2024", "–", "fördert", "die", "und", "90 %");
const sentence = fc.array(word, { maxLength: 6 }).map((w) => w.join(" "));
export const block = fc.oneof(
  { weight: 5, arbitrary: sentence.map((t) => paragraph(t)) },
  {
    weight: 1,
    arbitrary: sentence.map((t) => ({
      type: "heading",
      attrs: { level: 2 },
      content: t ? [{ type: "text", text: t }] : [],
    })),
  },
  {
    weight: 1,
    arbitrary: fc.array(sentence, { minLength: 1, maxLength: 3 }).map((items) => ({
      type: "bulletList",
      content: items.map((t) => ({ type: "listItem", content: [paragraph(t)] })),
    })),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.tuple(sentence, sentence), { minLength: 1, maxLength: 3 }).map((rows) => ({
      type: "table",
      content: rows.map((cells) => ({
        type: "tableRow",
        content: cells.map((t) => ({ type: "tableCell", attrs: { colspan: 1, rowspan: 1 }, content: [paragraph(t)] })),
      })),
    })),
  },
);
export const step = fc.record({ suggest: fc.boolean(), edit });

export function applied(editor: HeadlessEditor, steps: readonly { suggest: boolean; edit: Edit }[]): JSONContent {
  for (const s of steps) {
    editor.edit(
      (tr) => {
        if (!place(s.edit, tr)) return;
      },
      s.suggest && s.edit.kind !== "heading",
    );
  }
  return editor.json as JSONContent;
}
