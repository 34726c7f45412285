import { getSchema } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { schemaExtensions } from "../../../../shared/schema/extensions.ts";
import { listSuggestions } from "../../../../shared/suggestions/list.ts";
import { suggestionsOf } from "./suggestionsOf.ts";

const schema = getSchema(schemaExtensions());
const IDS = ["s1|u-a|sem|1|aaaaaaaa", "s1|u-b|kanton-so|2|bbbbbbbb", "s1|u-a|sem|3|cccccccc"];

/** A text run: plain, or one of a few suggestions (the same id in several blocks makes a split "¶"). */
const run = fc.record({
  text: fc.stringMatching(/^[a-z\u200B ]{1,6}$/),
  mark: fc.option(fc.record({ kind: fc.constantFrom("insertion", "deletion"), id: fc.constantFrom(...IDS) })),
});
const runs = fc.array(run, { minLength: 0, maxLength: 4 });
const block = fc.oneof(
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

function docOf(
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
const edit = fc.record({
  kind: fc.constantFrom("type", "suggest", "delete", "split"),
  at: fc.nat(),
  length: fc.integer({ min: 1, max: 8 }),
  id: fc.constantFrom(...IDS),
});

describe("the pending suggestions, listed per block", () => {
  it("equal the whole-document listing after any edits", () => {
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 8 }),
        fc.array(edit, { maxLength: 10 }),
        (blocks, edits) => {
          let state = EditorState.create({ doc: docOf(blocks) });
          expect(suggestionsOf(state.doc)).toEqual(listSuggestions(state.doc));
          for (const e of edits) {
            const size = state.doc.content.size;
            const at = e.at % (size + 1);
            const $at = state.doc.resolve(at);
            const tr = state.tr;
            if (e.kind === "delete") tr.delete(at, Math.min(size, at + e.length));
            else if (!$at.parent.isTextblock) continue;
            else if (e.kind === "split") tr.setSelection(TextSelection.create(tr.doc, at)).split(at);
            else if (e.kind === "type") tr.insertText("x", at);
            else tr.insert(at, schema.text("y", [schema.mark("insertion", { id: e.id })]));
            state = state.apply(tr);
            expect(suggestionsOf(state.doc)).toEqual(listSuggestions(state.doc));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
