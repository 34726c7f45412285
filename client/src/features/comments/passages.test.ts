import { getSchema } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { schemaExtensions } from "../../../../shared/schema/extensions.ts";
import { changeMap } from "./passages.ts";

const schema = getSchema(schemaExtensions());
const docOf = (texts: string[]) =>
  schema.nodeFromJSON({
    type: "doc",
    content: texts.map((text) => ({ type: "paragraph", content: text ? [{ type: "text", text }] : [] })),
  });

describe("changeMap", () => {
  it("maps positions as the edit's own mapping does, found from the documents alone", () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{0,12}$/), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (texts, at) => {
          const state = EditorState.create({ doc: docOf(texts) });
          const size = state.doc.content.size;
          const pos = at % (size + 1);
          const tr = state.tr;
          // A character found nowhere else, so the difference is where the edit is (where the
          // edit repeats its neighbours, e.g. an empty paragraph beside another, any side is
          // right until the anchors are read again).
          if (!state.doc.resolve(pos).parent.isTextblock) return;
          tr.insertText("Z", pos);
          const map = changeMap(state.doc, tr.doc);
          expect(map).not.toBeNull();
          for (let p = 0; p <= size; p++) {
            if (Math.abs(p - pos) <= 1) continue; // at the edit, either side is right
            expect(map?.map(p, 1)).toBe(tr.mapping.map(p, 1));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("says nothing changed for the same content", () => {
    expect(changeMap(docOf(["abc", "def"]), docOf(["abc", "def"]))).toBeNull();
  });
});
