import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { redline } from "../../shared/versions/redline.ts";
import { bodyHtml } from "./html.ts";
import { redlineForHtml } from "./redlineHtml.ts";

const p = (...content: JSONContent[]): JSONContent => ({ type: "doc", content: [{ type: "paragraph", content }] });

describe("HTML redline", () => {
  it("names who made each change and when, and marks a formatting change visibly", () => {
    const red = redline(
      p({ type: "text", text: "Der Kanton fördert die Sprache." }),
      p(
        { type: "text", text: "Der " },
        { type: "text", text: "Kanton", marks: [{ type: "bold" }] },
        { type: "text", text: " fördert die Sprachkurse." },
      ),
    );
    const names: Record<string, string> = {
      insertion: "Lukas Frei",
      deletion: "Claire Dubois",
      modification: "Andrea Meier",
    };
    const html = bodyHtml(
      redlineForHtml(red.doc, (id) => ({
        name: names[red.changes[String(id)]?.kind ?? ""] ?? "?",
        at: "2026-11-30T09:05:00.000Z",
      })),
    );
    expect(html).toContain('<del title="Gelöscht: Claire Dubois, 30. November 2026 um 10:05">Sprache</del>');
    expect(html).toContain('<ins title="Eingefügt: Lukas Frei, 30. November 2026 um 10:05">Sprachkurse</ins>');
    expect(html).toContain(
      '<span class="format-changed" title="Formatierung geändert: Andrea Meier, 30. November 2026 um 10:05"><strong>Kanton</strong></span>',
    );
  });

  it("escapes a name that holds markup", () => {
    const red = redline(p({ type: "text", text: "a" }), p({ type: "text", text: "b" }));
    const html = bodyHtml(
      redlineForHtml(red.doc, () => ({ name: '"><script>x</script>', at: "2026-11-30T09:05:00.000Z" })),
    );
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });
});
