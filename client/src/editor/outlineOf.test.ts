import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { schemaExtensions } from "../../../shared/schema/extensions.ts";
import { outlineOf } from "./outlineOf.ts";

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
