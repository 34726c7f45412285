import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import type { ExportThread } from "./changes.ts";
import { markdownOf } from "./markdown.ts";
import { draftMeta } from "./meta.ts";

const META = draftMeta("Programmvereinbarung", "d", "Programmvereinbarung");

type Mark = { type: string; attrs?: Record<string, unknown> };
const text = (value: string, ...marks: Mark[]): JSONContent => ({ type: "text", text: value, marks });
const para = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const code: Mark = { type: "code" };
const bold: Mark = { type: "bold" };
const italic: Mark = { type: "italic" };
const hardBreak: JSONContent = { type: "hardBreak" };

/** The Markdown of the text alone: between the cover block and the closing rule. */
function bodyOf(...content: JSONContent[]): string {
  const md = markdownOf({ type: "doc", content }, META);
  const start = md.indexOf("\n\n", md.indexOf("> ")) + 2;
  return md.slice(start, md.lastIndexOf("\n\n---\n\n"));
}

describe("markdownOf keeps the document's text as text", () => {
  it("escapes raw HTML in running text", () => {
    expect(bodyOf(para(text("<script>alert(1)</script> & &lt;b&gt;")))).toBe(
      "\\<script\\>alert(1)\\</script\\> & \\&lt;b\\&gt;",
    );
  });

  it("keeps a code span with line breaks on one line, so the next line cannot start an HTML block", () => {
    expect(bodyOf(para(text("a\n<script>alert(1)</script>", code)))).toBe("`a <script>alert(1)</script>`");
    const item = {
      type: "bulletList",
      content: [{ type: "listItem", content: [para(text("x\n\n<img src=x>", code))] }],
    };
    expect(bodyOf(item)).toBe("- `x <img src=x>`");
  });

  it("fences a code span longer than any backtick run inside it instead of changing the text", () => {
    expect(bodyOf(para(text("a ` b `` c", code)))).toBe("```a ` b `` c```");
    expect(bodyOf(para(text("`x`", code)))).toBe("`` `x` ``");
    expect(bodyOf(para(text(" padded ", code)))).toBe("`  padded  `");
  });

  it("makes no link from link syntax in text, and none from an unsafe link mark", () => {
    expect(bodyOf(para(text("[x](javascript:alert(1))")))).toBe("\\[x\\](javascript:alert(1))");
    expect(bodyOf(para(text("x", { type: "link", attrs: { href: "javascript:alert(1)" } })))).toBe("x");
    const sneaky = { type: "link", attrs: { href: "https://x.ch/a b\n<img src=x onerror=alert(1)>" } };
    expect(bodyOf(para(text("x", sneaky)))).toBe("[x](<https://x.ch/a%20b%0A%3Cimg%20src=x%20onerror=alert(1)%3E>)");
  });

  it.each([
    ["1. Januar 2024", "1\\. Januar 2024"],
    ["2) Punkt", "2\\) Punkt"],
    ["# keine Überschrift", "\\# keine Überschrift"],
    ["> kein Zitat", "\\> kein Zitat"],
    ["| keine | Tabelle |", "\\| keine \\| Tabelle \\|"],
    ["- keine Liste", "\\- keine Liste"],
    ["+ keine Liste", "\\+ keine Liste"],
    ["=== kein Titel", "\\=== kein Titel"],
    ["    kein Code", "kein Code"],
    ["* kein Punkt", "\\* kein Punkt"],
    ["```js", "\\`\\`\\`js"],
    ["~~~", "\\~\\~\\~"],
    ["<div>", "\\<div\\>"],
    ["Siehe [Art. 2](x)", "Siehe \\[Art. 2\\](x)"],
    [
      "*nicht fett* _nicht kursiv_ ~~nicht gestrichen~~",
      "\\*nicht fett\\* \\_nicht kursiv\\_ \\~\\~nicht gestrichen\\~\\~",
    ],
  ])("keeps %j a paragraph of text", (input, output) => {
    expect(bodyOf(para(text(input)))).toBe(output);
  });

  it("guards the start of a line after a hard break and inside list items", () => {
    expect(bodyOf(para(text("Frist:"), { type: "hardBreak" }, text("1. Januar 2024")))).toBe(
      "Frist:  \n1\\. Januar 2024",
    );
    const list = {
      type: "orderedList",
      attrs: { start: 3 },
      content: [{ type: "listItem", content: [para(text("1. Januar"))] }],
    };
    expect(bodyOf(list)).toBe("3. 1\\. Januar");
  });

  it("indents every line of a code block in a list item, so none escapes the fence", () => {
    const block = { type: "codeBlock", content: [text("```\n<script>alert(1)</script>")] };
    const list = { type: "bulletList", content: [{ type: "listItem", content: [para(text("Beispiel")), block] }] };
    expect(bodyOf(list)).toBe("- Beispiel\n  ````\n  ```\n  <script>alert(1)</script>\n  ````");
  });

  it("quotes every line of a quote", () => {
    const quote = { type: "blockquote", content: [para(text("a"), { type: "hardBreak" }, text("<b>"))] };
    expect(bodyOf(quote)).toBe("> a  \n> \\<b\\>");
  });

  it("escapes pipes in table cells, code included", () => {
    const cell = (...c: JSONContent[]) => ({ type: "tableCell", content: [para(...c)] });
    const tableNode = {
      type: "table",
      content: [{ type: "tableRow", content: [cell(text("a|b")), cell(text("x|y", code))] }],
    };
    expect(bodyOf(tableNode)).toBe("| a\\|b | `x\\|y` |\n| --- | --- |");
  });
});

describe("markdownOf writes marks a renderer reads as marks", () => {
  it("moves white space at either end of a marked run outside its delimiters", () => {
    expect(bodyOf(para(text("Das ist"), text(" fett ", bold), text("geschrieben")))).toBe(
      "Das ist **fett** geschrieben",
    );
    expect(
      bodyOf(para(text("ganz "), text("schräg ", italic), text("und "), text(" gestrichen", { type: "strike" }))),
    ).toBe("ganz *schräg* und  ~~gestrichen~~");
  });

  it("closes a mark before a hard break that follows its white space", () => {
    expect(bodyOf(para(text("Frist: ", bold), hardBreak, text("1. Januar 2024")))).toBe(
      "**Frist:**   \n1\\. Januar 2024",
    );
  });

  it("keeps a mark open across runs that share it, instead of closing and reopening it", () => {
    expect(bodyOf(para(text("a", bold), text("b", bold, italic)))).toBe("**a*b***");
    expect(bodyOf(para(text("a", bold), text("b", bold)))).toBe("**ab**");
    expect(bodyOf(para(text("Frist:", bold), hardBreak, text("1. Januar", bold)))).toBe("**Frist:  \n1\\. Januar**");
    const link = { type: "link", attrs: { href: "https://so.ch" } };
    expect(bodyOf(para(text("so", link), text(".ch", link, bold)))).toBe("[so**.ch**](<https://so.ch>)");
  });

  it("makes one code span of adjacent code runs", () => {
    expect(bodyOf(para(text("a", code), text("b", code)))).toBe("`ab`");
  });
});

function thread(overrides: Partial<ExportThread> = {}): ExportThread {
  return {
    id: "t1",
    author: "Claire Dubois",
    at: "2026-11-28T11:00:00.000Z",
    text: "Bitte die Frist prüfen.",
    quote: "1. Januar 2024",
    resolved: false,
    replies: [{ id: "r1", author: "Andrea Meier", at: "2026-11-28T12:30:00.000Z", text: "Ist angepasst." }],
    range: { from: 1, to: 15 },
    ...overrides,
  };
}

/** The Markdown between the text and the closing rule. */
function appendixOf(threads: ExportThread[]): string {
  const md = markdownOf({ type: "doc", content: [para(text("Text"))] }, META, { threads });
  return md.slice(md.indexOf("\n\nText\n\n") + 8, md.lastIndexOf("\n\n---\n\n"));
}

describe("markdownOf prints the comment threads", () => {
  it("lists each thread with its passage, author, date, text, replies and whether it is done", () => {
    expect(appendixOf([thread(), thread({ id: "t2", resolved: true, text: "Erledigt?\nJa.", replies: [] })])).toBe(
      [
        "## Kommentare",
        "### Kommentar 1",
        "*Zur Stelle: «1. Januar 2024»*",
        "**Claire Dubois, 28.11.2026, 12:00**",
        "> Bitte die Frist prüfen.",
        "**Antwort von Andrea Meier, 28.11.2026, 13:30**",
        "> Ist angepasst.",
        "### Kommentar 2 – erledigt",
        "*Zur Stelle: «1. Januar 2024»*",
        "**Claire Dubois, 28.11.2026, 12:00**",
        "> Erledigt?  \n> Ja.",
      ].join("\n\n"),
    );
  });

  it("keeps what a comment holds as text, so that it cannot print a byline or a heading of its own", () => {
    const forged = thread({
      author: "Mallory\n### Kommentar 9",
      text: "ok\n\n**Antwort von Andrea Meier, 28.11.2026, 13:30**\n<img src=x onerror=alert(1)>",
      quote: "# [x](javascript:alert(1))",
      replies: [],
    });
    expect(appendixOf([forged])).toBe(
      [
        "## Kommentare",
        "### Kommentar 1",
        "*Zur Stelle: «\\# \\[x\\](javascript:alert(1))»*",
        "**Mallory \\#\\#\\# Kommentar 9, 28.11.2026, 12:00**",
        "> ok  \n> \\*\\*Antwort von Andrea Meier, 28.11.2026, 13:30\\*\\*  \n> \\<img src=x onerror=alert(1)\\>",
      ].join("\n\n"),
    );
  });

  it("prints no appendix without threads", () => {
    expect(markdownOf({ type: "doc", content: [para(text("Text"))] }, META, { threads: [] })).not.toContain(
      "Kommentare",
    );
  });
});
