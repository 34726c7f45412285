import { getSchema } from "@tiptap/core";
import { EditorState } from "@tiptap/pm/state";
import { describe, expect, it } from "vitest";
import { kip3Concept } from "../../../server/seed/content/kip3Concept.ts";
import { schemaExtensions } from "../../../shared/schema/extensions.ts";
import { outlineNow, outlineOf } from "./outlineOf.ts";

const schema = getSchema(schemaExtensions());
const heading = (level: number, text: string) => ({
  type: "heading",
  attrs: { level },
  content: [{ type: "text", text }],
});
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

describe("outlineOf", () => {
  it("lists H1 and H2 in document order with their positions, and skips H3 and empty headings", () => {
    const doc = schema.nodeFromJSON({
      type: "doc",
      content: [
        heading(1, "1 Einleitung"),
        paragraph("Text"),
        heading(2, "1.1 Ausgangslage"),
        heading(3, "Detail"),
        { type: "heading", attrs: { level: 2 } },
        heading(1, "2 Kontext"),
      ],
    });
    const entries = outlineOf(doc);
    expect(entries.map((e) => [e.level, e.text])).toEqual([
      [1, "1 Einleitung"],
      [2, "1.1 Ausgangslage"],
      [1, "2 Kontext"],
    ]);
    expect(doc.nodeAt(entries[1]?.pos ?? -1)?.textContent).toBe("1.1 Ausgangslage");
  });
});

describe("outlineNow", () => {
  it("equals outlineOf after typing anywhere, headings in lists and tables included", () => {
    let state = EditorState.create({ doc: schema.nodeFromJSON(kip3Concept.content) });
    expect(outlineNow(state.doc)).toEqual(outlineOf(state.doc));
    const places: number[] = [];
    state.doc.descendants((node, pos) => {
      if (node.isTextblock) places.push(pos + 1);
      return true;
    });
    // Every seventh textblock, one keystroke each; each moves the later places by one.
    for (const [i, pos] of places.filter((_, i) => i % 7 === 0).entries()) {
      state = state.apply(state.tr.insertText("x", pos + i));
      expect(outlineNow(state.doc)).toEqual(outlineOf(state.doc));
    }
    const nested = schema.nodeFromJSON({
      type: "doc",
      content: [{ type: "blockquote", content: [heading(2, "Im Zitat")] }, heading(1, "Danach")],
    });
    expect(outlineNow(nested)).toEqual(outlineOf(nested));
  });
});
