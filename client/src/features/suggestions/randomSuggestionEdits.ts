import { getSchema } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { type EditorState, TextSelection } from "@tiptap/pm/state";
import fc from "fast-check";
import { schemaExtensions } from "../../../../shared/schema/extensions.ts";

/** Random documents with suggestions and random edits, for the property tests of per-block derivations. */

export const schema = getSchema(schemaExtensions());
const IDS = ["s1|u-a|sem|1|aaaaaaaa", "s1|u-b|kanton-so|2|bbbbbbbb", "s1|u-a|sem|3|cccccccc"];

/** A text run: plain, or one of a few suggestions (the same id in several blocks makes a split "¶"). */
const run = fc.record({
  text: fc.stringMatching(/^[a-z\u200B ]{1,6}$/),
  mark: fc.option(fc.record({ kind: fc.constantFrom("insertion", "deletion"), id: fc.constantFrom(...IDS) })),
});
const runs = fc.array(run, { minLength: 0, maxLength: 4 });
export const block = fc.oneof(
  runs.map((content) => ({ list: false, content })),
  runs.map((content) => ({ list: true, content })),
);

function text(r: { text: string; mark: { kind: string; id: string } | null }) {
  return {
    type: "text",
    text: r.text,
    ...(r.mark ? { marks: [{ type: r.mark.kind, attrs: { id: r.mark.id } }] } : {}),
  };
}

export function docOf(
  blocks: { list: boolean; content: { text: string; mark: { kind: string; id: string } | null }[] }[],
): PMNode {
  const paragraph = (content: (typeof blocks)[number]["content"]) => ({
    type: "paragraph",
    content: content.map(text),
  });
  return schema.nodeFromJSON({
    type: "doc",
    content: blocks.map((b) =>
      b.list
        ? { type: "bulletList", content: [{ type: "listItem", content: [paragraph(b.content)] }] }
        : paragraph(b.content),
    ),
  });
}

/** An edit as a typist or a remote peer makes it: type (maybe as a suggestion), delete, split a block. */
export const edit = fc.record({
  kind: fc.constantFrom("type", "suggest", "delete", "split"),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 8 }),
  id: fc.constantFrom(...IDS),
});

/** Applies one random edit, or returns null when it does not fit the document. */
export function applyEdit(
  state: EditorState,
  e: { kind: string; at: number; length: number; id: string },
): EditorState | null {
  const size = state.doc.content.size;
  const at = e.at % (size + 1);
  const $at = state.doc.resolve(at);
  const tr = state.tr;
  if (e.kind === "delete") tr.delete(at, Math.min(size, at + e.length));
  else if (!$at.parent.isTextblock) return null;
  else if (e.kind === "split") tr.setSelection(TextSelection.create(tr.doc, at)).split(at);
  else if (e.kind === "type") tr.insertText("x", at);
  else tr.insert(at, schema.text("y", [schema.mark("insertion", { id: e.id })]));
  return state.apply(tr);
}
