import { getSchema, type JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { schemaExtensions } from "../../shared/schema/extensions.ts";
import type { ExportThread } from "./changes.ts";
import { htmlPage } from "./html.ts";
import { draftMeta } from "./meta.ts";

const META = draftMeta("Programmkonzept", "d", "Programmkonzept");
const schema = getSchema(schemaExtensions());

type Mark = { type: string; attrs?: Record<string, unknown> };
const text = (value: string, ...marks: Mark[]): JSONContent => ({ type: "text", text: value, marks });
const para = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });

/** A text with a heading, a rule, a list, a table and a hard break before the passages. */
const DOC: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 1 }, content: [text("Art. 1 Ziele")] },
    { type: "horizontalRule" },
    { type: "bulletList", content: [{ type: "listItem", content: [para(text("Sprache und Bildung"))] }] },
    {
      type: "table",
      content: [
        {
          type: "tableRow",
          content: [
            { type: "tableHeader", content: [para(text("Bereich"))] },
            { type: "tableCell", content: [para(text("Frühe \u200BKindheit"))] },
          ],
        },
      ],
    },
    para(
      text("Frist:"),
      { type: "hardBreak" },
      text("bis "),
      text("1. Januar 2024", { type: "bold" }),
      text(" gültig"),
    ),
  ],
};

/** The range of `quote` in DOC as ProseMirror counts positions. */
function rangeOf(quote: string): { from: number; to: number } {
  let found: { from: number; to: number } | undefined;
  schema.nodeFromJSON(DOC).descendants((node, pos) => {
    const at = node.isText ? (node.text ?? "").indexOf(quote) : -1;
    if (at >= 0 && !found) found = { from: pos + at, to: pos + at + quote.length };
  });
  if (!found) throw new Error(`no ${quote}`);
  return found;
}

function thread(quote: string, overrides: Partial<ExportThread> = {}): ExportThread {
  return {
    id: `t-${quote}`,
    author: "Claire Dubois",
    at: "2026-11-28T11:00:00.000Z",
    text: "Bitte prüfen.",
    quote,
    resolved: false,
    replies: [],
    range: rangeOf(quote),
    ...overrides,
  };
}

const marker = (n: number) => `<sup class="comment-ref"><a href="#kommentar-${n}">${n}</a></sup>`;

describe("htmlPage states the document's language", () => {
  it("is de-CH by default and the document's language when it has one", () => {
    expect(htmlPage(DOC, META)).toContain('<html lang="de-CH">');
    expect(htmlPage(DOC, META, undefined, { lang: "fr-CH" })).toContain('<html lang="fr-CH">');
  });

  it("refuses a language that is no language tag", () => {
    const page = htmlPage(DOC, META, undefined, { lang: 'de"><script>alert(1)</script>' });
    expect(page).toContain('<html lang="de-CH">');
    expect(page).not.toContain("<script>");
  });
});

describe("htmlPage prints the comment threads", () => {
  it("lists each thread with passage, author, date, text, replies and whether it is done", () => {
    const threads = [
      thread("Sprache und Bildung", {
        replies: [{ id: "r", author: "Andrea Meier", at: "2026-11-28T12:30:00.000Z", text: "Ist angepasst." }],
      }),
      thread("Kindheit", { resolved: true, text: "Erledigt?\nSiehe Art. 2." }),
    ];
    const page = htmlPage(DOC, META, undefined, { threads });
    const appendix = page.slice(page.indexOf('<section class="comments"'));
    expect(appendix).toContain('<h2 id="kommentare">Kommentare</h2>');
    expect(appendix).toContain('<article class="thread" id="kommentar-1">\n<h3>Kommentar 1</h3>');
    expect(appendix).toContain('<p class="passage">Zur Stelle: «Sprache und Bildung»</p>');
    expect(appendix).toContain('<p class="byline">Claire Dubois, 28.11.2026, 12:00</p><p>Bitte prüfen.</p>');
    expect(appendix).toContain(
      '<p class="byline">Antwort von Andrea Meier, 28.11.2026, 13:30</p><p>Ist angepasst.</p>',
    );
    expect(appendix).toContain('<article class="thread resolved" id="kommentar-2">\n<h3>Kommentar 2 – erledigt</h3>');
    expect(appendix).toContain("<p>Erledigt?</p><p>Siehe Art. 2.</p>");
    expect(appendix.indexOf("</section>")).toBeLessThan(appendix.indexOf("</main>"));
  });

  it("puts a numbered marker right after each passage, outside the passage's marks", () => {
    const threads = [thread("Sprache und Bildung"), thread("Kindheit"), thread("1. Januar 2024"), thread("Art. 1")];
    const page = htmlPage(DOC, META, undefined, { threads });
    expect(page).toContain(`<li><p>Sprache und Bildung${marker(1)}</p>\n</li>`);
    expect(page).toContain(`<td><p>Frühe Kindheit${marker(2)}</p>\n</td>`);
    expect(page).toContain(`bis <strong>1. Januar 2024</strong>${marker(3)} gültig</p>`);
    expect(page).toContain(`<h1>Art. 1${marker(4)} Ziele</h1>`);
  });

  it("names a passage that is no longer in the text, and marks nothing for it", () => {
    const gone = thread("Sprache und Bildung", { range: undefined, quote: "Integration" });
    const page = htmlPage(DOC, META, undefined, { threads: [gone] });
    expect(page).toContain("Zur Stelle (nicht mehr im Text): «Integration»");
    expect(page).not.toContain('class="comment-ref"');
  });

  it("escapes what a thread holds, and a range outside the text marks nothing", () => {
    const hostile = thread("Kindheit", {
      author: '<img src=x onerror="alert(1)">',
      text: "</p><script>alert(1)</script>",
      quote: "<b>x</b>",
      range: { from: -5, to: 10_000 },
    });
    const page = htmlPage(DOC, META, undefined, { threads: [hostile] });
    expect(page).not.toContain("<script>");
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(page).toContain("«&lt;b&gt;x&lt;/b&gt;»");
    expect(page).not.toContain('class="comment-ref"');
  });

  it("has no appendix and no marker without threads", () => {
    for (const page of [htmlPage(DOC, META), htmlPage(DOC, META, undefined, { threads: [] })]) {
      expect(page).not.toContain("Kommentare");
      expect(page).not.toContain('comment-ref"');
    }
  });
});
