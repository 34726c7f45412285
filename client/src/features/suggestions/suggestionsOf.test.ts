import { EditorState } from "@tiptap/pm/state";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { listSuggestions } from "../../../../shared/suggestions/list.ts";
import { applyEdit, block, docOf, edit } from "./randomSuggestionEdits.ts";
import { suggestionsOf } from "./suggestionsOf.ts";

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
            const next = applyEdit(state, e);
            if (!next) continue;
            state = next;
            expect(suggestionsOf(state.doc)).toEqual(listSuggestions(state.doc));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
