import type { JSONContent } from "@tiptap/core";
import type { Transaction } from "@tiptap/pm/state";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kip3Concept } from "../../server/seed/content/kip3Concept.ts";
import { docWith, HeadlessEditor, paragraph, schema } from "../../tests/helpers/headlessEditor.ts";
import { applied, block, step } from "../../tests/helpers/redlineEdits.ts";
import { withAllAccepted, withAllRejected } from "../suggestions/outcomes.ts";
import { redline } from "./redline.ts";

type Doc = JSONContent;

/** The JSON of a document with neighbouring equal-marked texts joined (how two readings are compared). */
function normal(node: JSONContent): JSONContent {
  if (!node.content) return node;
  const out: JSONContent[] = [];
  for (const child of node.content.map(normal)) {
    const last = out.at(-1);
    if (last?.type === "text" && child.type === "text" && JSON.stringify(last.marks) === JSON.stringify(child.marks)) {
      out[out.length - 1] = { ...last, text: `${last.text}${child.text}` };
    } else out.push(child);
  }
  return { ...node, content: out };
}

const accepted = (doc: Doc) => normal(withAllAccepted(schema.nodeFromJSON(doc)).toJSON());
const rejected = (doc: Doc) => normal(withAllRejected(schema.nodeFromJSON(doc)).toJSON());

/** Checks the two promises of a redline and that the schema accepts it. */
function expectFaithful(from: Doc, to: Doc) {
  const red = redline(from, to).doc;
  schema.nodeFromJSON(red).check();
  expect(accepted(red)).toEqual(accepted(to));
  expect(rejected(red)).toEqual(rejected(from));
  return red;
}

const SUGGESTER = { userId: "u-claire", orgId: "sem" };

/** Texts of every text node carrying a mark of `type`. */
function marked(doc: Doc, type: string): string[] {
  const out: string[] = [];
  const walk = (n: JSONContent) => {
    if (n.type === "text" && n.marks?.some((m) => m.type === type)) out.push(n.text ?? "");
    for (const c of n.content ?? []) walk(c);
  };
  walk(doc);
  return out;
}

/** Position just after the first occurrence of `text` in the editor's document. */
function endOf(editor: HeadlessEditor, text: string): number {
  let found = -1;
  editor.state.doc.descendants((node, pos) => {
    if (found >= 0 || !node.isText) return found < 0;
    const at = node.text?.indexOf(text) ?? -1;
    if (at >= 0) found = pos + at + text.length;
    return false;
  });
  if (found < 0) throw new Error(`no "${text}"`);
  return found;
}

function suggest(editor: HeadlessEditor, change: (tr: Transaction) => void) {
  const result = editor.edit(change, true, 1_764_590_400_000);
  if (!result.ok) throw new Error(result.reason);
}

describe("redline of the review's findings (demo data, pending suggestions in the later text)", () => {
  const base = () => new HeadlessEditor(docWith(kip3Concept.content.content ?? []), SUGGESTER);

  it("accepting all gives 95 %, not '9095 %', where a suggestion replaces 90 by 95", () => {
    const editor = base();
    const from = editor.json as Doc;
    const at = endOf(editor, "90 % der") - " % der".length;
    suggest(editor, (tr) => tr.insertText("95", at - 2, at));
    const red = expectFaithful(from, editor.json as Doc);
    expect(JSON.stringify(accepted(red))).toContain("95 % der Gemeinden");
    expect(JSON.stringify(accepted(red))).not.toContain("9095");
  });

  it("does not double a word that a pending suggestion deletes and re-inserts", () => {
    const editor = base();
    const from = editor.json as Doc;
    const at = endOf(editor, "Zugang zu Brückenangeboten");
    suggest(editor, (tr) => tr.insertText("Brückenangeboten", at - "Brückenangeboten".length, at));
    const red = expectFaithful(from, editor.json as Doc);
    expect(JSON.stringify(accepted(red))).not.toContain("BrückenangebotenBrückenangeboten");
  });

  it("leaves untouched text unmarked next to a pending paragraph split", () => {
    const editor = new HeadlessEditor(
      docWith([paragraph("Die Angaben stehen auf der Website des SEM. Der Kanton ergänzt sie.")]),
      SUGGESTER,
    );
    const from = editor.json as Doc;
    suggest(editor, (tr) => tr.split(endOf(editor, "auf der ")));
    const red = expectFaithful(from, editor.json as Doc);
    expect([...marked(red, "insertion"), ...marked(red, "deletion")].join("")).not.toMatch(/Website|SEM/);
  });

  it("tracks a deleted paragraph with its boundary, so accepting all leaves no empty paragraph", () => {
    const editor = base();
    const from = editor.json as Doc;
    const doc = editor.state.doc;
    const second = doc.child(0).nodeSize;
    editor.edit((tr) => tr.delete(second, second + doc.child(1).nodeSize));
    const red = expectFaithful(from, editor.json as Doc);
    expect(marked(red, "deletion")).toContain("\u200B");
  });

  it("marks every cell of a deleted table row, an anchor in its empty cells", () => {
    const row = (a: string, b: string) => ({
      type: "tableRow",
      content: [a, b].map((t) => ({ type: "tableCell", content: [paragraph(t)] })),
    });
    const table = (...rows: JSONContent[]): Doc => ({ type: "doc", content: [{ type: "table", content: rows }] });
    const from = table(row("Ziel", "Massnahme"), row("", "entfällt"), row("Bund", "Kanton"));
    const to = table(row("Ziel", "Massnahme"), row("Bund", "Kanton"));
    const red = expectFaithful(from, to);
    expect(marked(red, "deletion")).toEqual(["\u200B", "entfällt"]);
  });

  it("tracks an inserted bullet with its boundary, so rejecting all leaves no empty bullet", () => {
    const list = (...items: string[]): Doc => ({
      type: "doc",
      content: [{ type: "bulletList", content: items.map((t) => ({ type: "listItem", content: [paragraph(t)] })) }],
    });
    const red = expectFaithful(list("Sprache", "Arbeit"), list("Sprache", "Bildung", "Arbeit"));
    expect(marked(red, "insertion")).toContain("\u200B");
    expect(marked(red, "insertion").join("")).toContain("Bildung");
  });
});

describe("redline", () => {
  const p = (text: string): Doc => ({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text }] }],
  });

  it("marks changed words within a paragraph, not the whole paragraph", () => {
    const red = redline(p("Der Kanton fördert die Sprache."), p("Der Kanton fördert die Sprachkurse."));
    const [del, ins] = Object.keys(red.changes);
    expect(red.doc.content?.[0]?.content).toEqual([
      { type: "text", text: "Der Kanton fördert die " },
      { type: "text", text: "Sprache", marks: [{ type: "deletion", attrs: { id: del } }] },
      { type: "text", text: "Sprachkurse", marks: [{ type: "insertion", attrs: { id: ins } }] },
      { type: "text", text: "." },
    ]);
  });

  it("shows a formatting change as a modification with the marks before", () => {
    const bold: Doc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Ziel ", marks: [{ type: "bold" }] },
            { type: "text", text: "A" },
          ],
        },
      ],
    };
    const red = expectFaithful(p("Ziel A"), bold);
    const node = red.content?.[0]?.content?.[0];
    expect(node?.marks).toEqual([
      { type: "bold" },
      { type: "modification", attrs: expect.objectContaining({ type: "marks", previousValue: [], newValue: null }) },
    ]);
  });

  it("shows a heading level change as a modification node mark", () => {
    const h = (level: number): Doc => ({
      type: "doc",
      content: [{ type: "heading", attrs: { level }, content: [{ type: "text", text: "Ziele" }] }],
    });
    const red = expectFaithful(h(2), h(3));
    expect(red.content?.[0]?.marks).toEqual([
      {
        type: "modification",
        attrs: expect.objectContaining({ type: "attr", attrName: "level", previousValue: 2, newValue: 3 }),
      },
    ]);
    expect(redline(h(2), h(3)).changes).toEqual({ c1: { kind: "modification", origin: "" } });
  });

  it("attributes a pending suggestion to its suggestion id", () => {
    const editor = new HeadlessEditor(docWith([paragraph("Der Kanton setzt um.")]), SUGGESTER);
    const from = editor.json as Doc;
    suggest(editor, (tr) => tr.insertText(" gemeinsam", endOf(editor, "Kanton")));
    const { changes } = redline(from, editor.json as Doc, { inserted: () => "someone" });
    expect(Object.values(changes).map((c) => c.origin)).toEqual([expect.stringMatching(/^s1\|u-claire\|sem\|/)]);
  });

  it("of a document with itself marks nothing", () => {
    const doc = kip3Concept.content;
    expect(JSON.stringify(redline(doc, doc).doc)).not.toMatch(/insertion|deletion|modification/);
  });
});

describe("redline (property)", () => {
  it("accepting all gives the later text and rejecting all the earlier one, for random edit sequences", () => {
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 5 }),
        fc.array(step, { maxLength: 5 }),
        fc.array(step, { maxLength: 6 }),
        (blocks, first, second) => {
          const editor = new HeadlessEditor(docWith(blocks), SUGGESTER);
          const from = applied(editor, first);
          const to = applied(editor, second);
          expectFaithful(from, to);
        },
      ),
      { numRuns: 1000 },
    );
  }, 120_000);
});
