import { getSchema } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { kip3Concept } from "../../../../server/seed/content/kip3Concept.ts";
import { gridsOfDoc } from "../../../../shared/finance/read.ts";
import { financeSummary } from "../../../../shared/finance/totals.ts";
import { schemaExtensions } from "../../../../shared/schema/extensions.ts";
import { financeOf, gridsOf } from "./docGrids.ts";

const schema = getSchema(schemaExtensions());

describe("the document's grids, read per block", () => {
  it("equal the whole-document reading after edits inside and outside the grids", () => {
    let state = EditorState.create({ doc: schema.nodeFromJSON(kip3Concept.content) });
    expect(gridsOf(state.doc)).toEqual(gridsOfDoc(state.doc));
    // Type into every twentieth textblock (cells included), one transaction each; each keystroke moves the later places by one.
    const places: number[] = [];
    state.doc.descendants((node, pos) => {
      if (node.isTextblock) places.push(pos + 1);
      return true;
    });
    for (const [i, pos] of places.filter((_, i) => i % 20 === 0).entries()) {
      state = state.apply(state.tr.insertText(String(i % 10), pos + i));
      expect(gridsOf(state.doc)).toEqual(gridsOfDoc(state.doc));
      expect(financeOf(state.doc)).toEqual(financeSummary(gridsOfDoc(state.doc)));
    }
  });

  it("computes once per document", () => {
    const doc = schema.nodeFromJSON(kip3Concept.content);
    expect(gridsOf(doc)).toBe(gridsOf(doc));
  });
});
