import type { JSONContent } from "@tiptap/core";
import { clampedAttribute } from "../../shared/schema/attributeBounds.ts";
import { COMMENTS_HEADING, threadEntries } from "./commentEntries.ts";
import { exportLanguage } from "./language.ts";
import { type ExportMeta, footerLine, metaLines, safeHref, ZWSP } from "./meta.ts";
import type { ExportOptions } from "./options.ts";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const MARK_TAGS: Record<string, string> = { bold: "strong", italic: "em", strike: "s", code: "code", underline: "u" };

function inline(node: JSONContent): string {
  if (node.type === "hardBreak") return "<br>";
  let html = escapeHtml((node.text ?? "").replace(ZWSP, ""));
  for (const mark of node.marks ?? []) {
    const tag = MARK_TAGS[mark.type];
    if (tag) html = `<${tag}>${html}</${tag}>`;
    else if (mark.type === "link") {
      const href = safeHref(mark.attrs?.href);
      if (href) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`;
    } else if (mark.type === "insertion") html = `<ins>${html}</ins>`;
    else if (mark.type === "deletion") html = `<del>${html}</del>`;
  }
  return html;
}

/**
 * Where comment markers go: the thread numbers to print after each ProseMirror position
 * (the end of a thread's passage), and the position the walk has reached.
 */
interface Markers {
  at: Map<number, number[]>;
  pos: number;
}

const markerHtml = (n: number) => `<sup class="comment-ref"><a href="#kommentar-${n}">${n}</a></sup>`;

/**
 * A text run with the markers of the passages that end inside it, each after the character
 * it follows; the run's marks are applied on either side, so a marker is never bold or
 * struck through. Positions count the text as stored (zero-width anchors included).
 */
function textWithMarkers(node: JSONContent, markers: Markers): string {
  const text = node.text ?? "";
  const start = markers.pos;
  markers.pos += text.length;
  const cuts = [...markers.at.keys()].filter((to) => to > start && to <= markers.pos).sort((a, b) => a - b);
  if (cuts.length === 0) return inline(node);
  const piece = (from: number, to?: number) =>
    from === to || from === text.length ? "" : inline({ ...node, text: text.slice(from, to) });
  let html = "";
  let from = 0;
  for (const to of cuts) {
    html += piece(from, to - start) + (markers.at.get(to) ?? []).map(markerHtml).join("");
    from = to - start;
  }
  return html + piece(from);
}

/** An inline node, moving the walk past it (a hard break is one position wide). */
function inlineAt(node: JSONContent, markers: Markers): string {
  if (node.type === "text") return textWithMarkers(node, markers);
  markers.pos += 1;
  return inline(node);
}

/** Block nodes of the schema with no content: one position wide, as ProseMirror counts. */
const LEAF_BLOCKS = new Set(["horizontalRule"]);

function block(node: JSONContent, markers: Markers): string {
  if (LEAF_BLOCKS.has(node.type ?? "")) {
    markers.pos += 1;
    return blockHtml(node, markers);
  }
  markers.pos += 1; // the node's opening token: its content starts one position in
  const html = blockHtml(node, markers);
  markers.pos += 1;
  return html;
}

function blockHtml(node: JSONContent, markers: Markers): string {
  const inner = () =>
    (node.content ?? [])
      .map((c) => (c.type === "text" || c.type === "hardBreak" ? inlineAt(c, markers) : block(c, markers)))
      .join("");
  const span = (n: JSONContent) => {
    const colspan = clampedAttribute(n, "colspan", 1);
    const rowspan = clampedAttribute(n, "rowspan", 1);
    return `${colspan > 1 ? ` colspan="${colspan}"` : ""}${rowspan > 1 ? ` rowspan="${rowspan}"` : ""}`;
  };
  switch (node.type) {
    case "paragraph":
      return `<p>${inner()}</p>\n`;
    case "heading": {
      const level = clampedAttribute(node, "level", 1);
      return `<h${level}>${inner()}</h${level}>\n`;
    }
    case "bulletList":
      return `<ul>\n${inner()}</ul>\n`;
    case "orderedList": {
      const start = clampedAttribute(node, "start", 1);
      return `<ol${start !== 1 ? ` start="${start}"` : ""}>\n${inner()}</ol>\n`;
    }
    case "listItem":
      return `<li>${inner()}</li>\n`;
    case "blockquote":
      return `<blockquote>${inner()}</blockquote>\n`;
    case "codeBlock":
      return `<pre><code>${inner()}</code></pre>\n`;
    case "horizontalRule":
      return "<hr>\n";
    case "table":
      return `<table>\n${inner()}</table>\n`;
    case "tableRow":
      return `<tr>${inner()}</tr>\n`;
    case "tableHeader":
      return `<th${span(node)}>${inner()}</th>`;
    case "tableCell":
      return `<td${span(node)}>${inner()}</td>`;
    default:
      return inner();
  }
}

/**
 * The document's body as HTML (used by the HTML export and the redline); `markers` maps
 * the end of a commented passage to the numbers of its threads in the appendix.
 */
export const bodyHtml = (doc: JSONContent, markers: ReadonlyMap<number, number[]> = new Map()): string => {
  const walk: Markers = { at: new Map(markers), pos: 0 };
  return (doc.content ?? []).map((node) => block(node, walk)).join("");
};

/** Thread numbers by the end of their passage, for the threads still anchored in the text. */
function markersOf(options: ExportOptions): Map<number, number[]> {
  const at = new Map<number, number[]>();
  (options.threads ?? []).forEach((thread, i) => {
    if (thread.range) at.set(thread.range.to, [...(at.get(thread.range.to) ?? []), i + 1]);
  });
  return at;
}

/** The appendix "Kommentare": each thread with its passage, comments and replies; empty without threads. */
function commentsHtml(options: ExportOptions): string {
  const entries = threadEntries(options.threads ?? []);
  if (entries.length === 0) return "";
  const threads = entries.map((entry, i) => {
    const resolved = (options.threads ?? [])[i]?.resolved === true;
    const comments = entry.comments
      .map(
        (c) =>
          `<div class="comment"><p class="byline">${escapeHtml(c.byline)}</p>${c.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join("")}</div>`,
      )
      .join("\n");
    return `<article class="thread${resolved ? " resolved" : ""}" id="kommentar-${i + 1}">
<h3>${escapeHtml(entry.title)}</h3>
<p class="passage">${escapeHtml(entry.passage)}</p>
${comments}
</article>`;
  });
  return `<section class="comments" aria-labelledby="kommentare">
<h2 id="kommentare">${escapeHtml(COMMENTS_HEADING)}</h2>
${threads.join("\n")}
</section>
`;
}

const STYLE = `
body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; color: #1d2733; line-height: 1.5; }
header.accord { border: 1px solid #b9c3cf; background: #f3f5f8; padding: 0.75rem 1rem; margin-bottom: 2rem; font-size: 0.9rem; }
header.accord h1 { font-size: 1.3rem; margin: 0 0 0.5rem; }
header.accord p { margin: 0.15rem 0; overflow-wrap: anywhere; }
.draft { color: #8c1d18; font-weight: bold; }
.quoted { margin-left: 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
td, th { border: 1px solid #8a96a3; padding: 0.3rem 0.5rem; vertical-align: top; }
ins { background: #e6f4ea; color: #0b5e2b; }
del { background: #fdecea; color: #8c1d18; }
section.comments { margin-top: 3rem; border-top: 1px solid #b9c3cf; }
section.comments h3 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
.passage { font-style: italic; margin: 0.25rem 0; }
.comment { margin: 0.5rem 0 0.5rem 1.5rem; }
.comment p { margin: 0.1rem 0; overflow-wrap: anywhere; }
.byline { font-weight: bold; color: #404b57; font-size: 0.9rem; }
.comment-ref a { text-decoration: none; padding: 0 0.15em; background: #fff4c2; }
footer.accord { margin-top: 3rem; border-top: 1px solid #b9c3cf; font-size: 0.8rem; color: #5f6b7a; overflow-wrap: anywhere; }
@media print { body { margin: 0; max-width: none; } }
`;

/**
 * A standalone, printable page in the document's language: cover block with the version's
 * data, the text (with a numbered marker at the end of each commented passage), the
 * comments appendix, a footer with the hash.
 */
export function htmlPage(
  doc: JSONContent,
  meta: ExportMeta,
  heading = meta.title,
  options: ExportOptions = {},
): string {
  const lines = metaLines(meta)
    .map((line) => {
      const cls = line.emphasis ? ' class="draft"' : line.quoted ? ' class="quoted"' : "";
      return `<p${cls}>${escapeHtml(line.text)}</p>`;
    })
    .join("\n");
  const keywords = [meta.contentHash, meta.chainHash].filter(Boolean).join(" ");
  return `<!DOCTYPE html>
<html lang="${exportLanguage(options.lang)}">
<head>
<meta charset="utf-8">
<meta name="generator" content="Accord">
${keywords ? `<meta name="accord-hashes" content="${escapeHtml(keywords)}">\n` : ""}<title>${escapeHtml(heading)}</title>
<style>${STYLE}</style>
</head>
<body>
<header class="accord">
<h1>${escapeHtml(heading)}</h1>
${lines}
</header>
<main>
${bodyHtml(doc, markersOf(options))}${commentsHtml(options)}</main>
<footer class="accord"><p>${escapeHtml(footerLine(meta))}</p></footer>
</body>
</html>
`;
}
