import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { exportDocument } from "./index.ts";
import { draftMeta } from "./meta.ts";

/** A document as a store written before the policy bounded attributes might hold it. */
const HOSTILE: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 99 }, content: [{ type: "text", text: "Zu tief" }] },
    { type: "heading", attrs: { level: -3 }, content: [{ type: "text", text: "Zu hoch" }] },
    ...[1e12, -5].map((start) => ({
      type: "orderedList",
      attrs: { start },
      content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Punkt" }] }] }],
    })),
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            {
              type: "tableCell",
              attrs: { colspan: 100_000_000, rowspan: 100_000_000 },
              content: [{ type: "paragraph", content: [{ type: "text", text: "Zelle" }] }],
            },
            { type: "tableCell", attrs: { colspan: 1 }, content: [{ type: "paragraph" }] },
          ],
        },
      ],
    },
  ],
};

const META = draftMeta("Angriff", "doc-attack", "Programmkonzept");

describe("exports clamp numeric attributes when reading them", () => {
  it.each(["docx", "pdf", "html", "md"] as const)(
    "a %s export of colspan/rowspan 100000000, heading level 99 and list start 1e12 stays small",
    async (format) => {
      const bytes = await exportDocument(format, HOSTILE, META);
      expect(bytes.byteLength).toBeGreaterThan(0);
      expect(bytes.byteLength).toBeLessThan(100_000);
    },
  );

  it("writes the clamped values into the HTML and Markdown", async () => {
    const html = new TextDecoder().decode(await exportDocument("html", HOSTILE, META));
    expect(html).toContain('<td colspan="100" rowspan="1000">');
    expect(html).toContain("<h6>Zu tief</h6>");
    expect(html).toContain("<h1>Zu hoch</h1>");
    expect(html).toContain('<ol start="99999">');
    expect(html).toContain('<ol start="0">');
    const md = new TextDecoder().decode(await exportDocument("md", HOSTILE, META));
    expect(md).toContain("###### Zu tief");
    expect(md).toContain("99999. Punkt");
  });
});
