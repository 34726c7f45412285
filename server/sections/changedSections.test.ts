import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { sectionsOf } from "../../shared/sections/sections.ts";
import { docWith, HeadlessEditor, paragraph } from "../../tests/helpers/headlessEditor.ts";
import { changedSections } from "./changedSections.ts";

const heading = (text: string, level = 2) => ({ type: "heading", attrs: { level }, content: [{ type: "text", text }] });

/** A doc with a preamble and sections A (two paragraphs), B and C, as y-tiptap writes it. */
function sample() {
  const doc = docWith([
    paragraph("Präambel"),
    heading("A"),
    paragraph("a1"),
    paragraph("a2"),
    heading("B"),
    paragraph("b1"),
    heading("C", 1),
    paragraph("c1"),
  ]);
  const ids = Object.fromEntries(sectionsOf(doc).map((s) => [s.title, s.id]));
  return { doc, ids, editor: new HeadlessEditor(doc) };
}

/** The sections the edit's transaction changed, by title of their id in `ids`. */
function changedBy(doc: Y.Doc, ids: Record<string, string>, edit: () => void): string[] {
  let changed = new Set<string>();
  const listen = (tr: Y.Transaction) => {
    for (const id of changedSections(tr, doc.getXmlFragment(CONTENT_FIELD))) changed = changed.add(id);
  };
  doc.on("afterTransaction", listen);
  edit();
  doc.off("afterTransaction", listen);
  const byId = Object.fromEntries(Object.entries(ids).map(([title, id]) => [id, title]));
  return [...changed].map((id) => byId[id] ?? `new:${id}`).sort();
}

/** Position just inside the end of the first top-level block whose text is `text`. */
function endOf(editor: HeadlessEditor, text: string): number {
  let at = -1;
  editor.state.doc.forEach((node, offset) => {
    if (at < 0 && node.textContent === text) at = offset + node.nodeSize - 1;
  });
  return at;
}

describe("changedSections", () => {
  it("finds the section of an edit inside a paragraph, and no other", () => {
    const { doc, ids, editor } = sample();
    expect(changedBy(doc, ids, () => editor.edit((tr) => tr.insertText("!", endOf(editor, "a2"))))).toEqual(["A"]);
    expect(changedBy(doc, ids, () => editor.edit((tr) => tr.insertText("!", endOf(editor, "c1"))))).toEqual(["C"]);
  });

  it("counts an edit of the heading's own text for its section, whose id stays", () => {
    const { doc, ids, editor } = sample();
    expect(changedBy(doc, ids, () => editor.edit((tr) => tr.insertText(" neu", endOf(editor, "B"))))).toEqual(["B"]);
    expect(sectionsOf(doc).find((s) => s.title === "B neu")?.id).toBe(ids.B);
  });

  it("ignores the preamble and changes outside the content", () => {
    const { doc, ids, editor } = sample();
    expect(changedBy(doc, ids, () => editor.edit((tr) => tr.insertText("!", endOf(editor, "Präambel"))))).toEqual([]);
    expect(changedBy(doc, ids, () => doc.getMap("comments").set("x", new Y.Map()))).toEqual([]);
  });

  it("finds a paragraph added or removed in a section", () => {
    const { doc, ids, editor } = sample();
    expect(changedBy(doc, ids, () => editor.edit((tr) => tr.split(endOf(editor, "b1"))))).toEqual(["B"]);
    expect(
      changedBy(doc, ids, () =>
        editor.edit((tr) => {
          const from = endOf(editor, "a1") - 2;
          tr.delete(from, from + 4);
        }),
      ),
    ).toEqual(["A"]);
  });

  it("a heading deleted: its own section and the one that takes its blocks", () => {
    const { doc, ids, editor } = sample();
    const changed = changedBy(doc, ids, () =>
      editor.edit((tr) => {
        const end = endOf(editor, "B");
        tr.delete(end - 2, end + 1);
      }),
    );
    expect(changed).toContain("A");
    expect(sectionsOf(doc).map((s) => s.id)).not.toContain(ids.B);
  });

  it("a heading split at its start: the first (now empty) half keeps the id, the text's half is a new section", () => {
    const { doc, ids, editor } = sample();
    const changed = changedBy(doc, ids, () => editor.edit((tr) => tr.split(endOf(editor, "B") - 1)));
    const after = sectionsOf(doc);
    // y-tiptap updates the element on the left in place and inserts the right one.
    expect(after.map((s) => [s.title, s.id === ids.B])).toEqual([
      ["A", false],
      ["", true],
      ["B", false],
      ["C", false],
    ]);
    expect(after.filter((s) => s.id === ids.B)).toHaveLength(1);
    expect(after.find((s) => s.title === "A")?.id).toBe(ids.A);
    expect(after.find((s) => s.title === "C")?.id).toBe(ids.C);
    expect(changed).toContain("B");
  });
});
