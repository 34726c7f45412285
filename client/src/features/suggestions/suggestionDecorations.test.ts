import { suggestChanges } from "@handlewithcare/prosemirror-suggest-changes";
import type { Node as PMNode } from "@tiptap/pm/model";
import { EditorState } from "@tiptap/pm/state";
import type { DecorationSet } from "@tiptap/pm/view";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyEdit, block, docOf, edit } from "./randomSuggestionEdits.ts";
import { incrementalSuggestionDecorations } from "./suggestionDecorations.ts";

/** What a decoration shows: where, node attributes or the widget's key and mark. */
const shown = (set: DecorationSet, doc: PMNode) =>
  set.find(0, doc.content.size).map((d) => {
    const { key, marks } = d.spec as { key?: unknown; marks?: { type: { name: string }; attrs: unknown }[] };
    const attrs = (d as unknown as { type: { attrs?: unknown } }).type.attrs;
    return { from: d.from, to: d.to, key, marks: marks?.map((m) => [m.type.name, m.attrs]), attrs };
  });

/** The library's own decorations prop (a walk over the whole document). */
const library = suggestChanges();
const getSuggestionDecorations = (state: EditorState) =>
  library.props.decorations?.call(library, state) as DecorationSet;

describe("the suggestion decorations, per block", () => {
  it("equal the library's whole-document walk after any edits", () => {
    fc.assert(
      fc.property(
        fc.array(block, { minLength: 1, maxLength: 8 }),
        fc.array(edit, { maxLength: 10 }),
        (blocks, edits) => {
          const decorations = incrementalSuggestionDecorations();
          let state = EditorState.create({ doc: docOf(blocks) });
          const check = () =>
            expect(shown(decorations(state), state.doc)).toEqual(shown(getSuggestionDecorations(state), state.doc));
          check();
          for (const e of edits) {
            const next = applyEdit(state, e);
            if (!next) continue;
            state = next;
            check();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
