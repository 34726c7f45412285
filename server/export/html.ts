import type { JSONContent } from "@tiptap/core";
import { clampedAttribute } from "../../shared/schema/attributeBounds.ts";
import { type ExportMeta, footerLine, metaLines, safeHref, ZWSP } from "./meta.ts";

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const MARK_TAGS: Record<string, string> = { bold: "strong", italic: "em", strike: "s", code: "code", underline: "u" };

/** A change's tooltip (who and when, set by the redline export: redlineHtml.ts). */
const titled = (mark: { attrs?: Record<string, unknown> }) =>
  typeof mark.attrs?.title === "string" ? ` title="${escapeHtml(mark.attrs.title)}"` : "";

function inline(node: JSONContent): string {
  if (node.type === "hardBreak") return "<br>";
  let html = escapeHtml((node.text ?? "").replace(ZWSP, ""));
  for (const mark of node.marks ?? []) {
    const tag = MARK_TAGS[mark.type];
    if (tag) html = `<${tag}>${html}</${tag}>`;
    else if (mark.type === "link") {
      const href = safeHref(mark.attrs?.href);
      if (href) html = `<a href="${escapeHtml(href)}" rel="noopener noreferrer">${html}</a>`;
    } else if (mark.type === "insertion") html = `<ins${titled(mark)}>${html}</ins>`;
    else if (mark.type === "deletion") html = `<del${titled(mark)}>${html}</del>`;
    else if (mark.type === "modification") html = `<span class="format-changed"${titled(mark)}>${html}</span>`;
  }
  return html;
}

function block(node: JSONContent): string {
  const inner = () =>
    (node.content ?? []).map((c) => (c.type === "text" || c.type === "hardBreak" ? inline(c) : block(c))).join("");
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

/** The document's body as HTML (used by the HTML export and the redline). */
export const bodyHtml = (doc: JSONContent): string => (doc.content ?? []).map(block).join("");

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
.format-changed { border-bottom: 2px dotted #8a5a00; }
footer.accord { margin-top: 3rem; border-top: 1px solid #b9c3cf; font-size: 0.8rem; color: #5f6b7a; overflow-wrap: anywhere; }
@media print { body { margin: 0; max-width: none; } }
`;

/** A standalone, printable page: cover block with the version's data, the text, a footer with the hash. */
export function htmlPage(doc: JSONContent, meta: ExportMeta, heading = meta.title): string {
  const lines = metaLines(meta)
    .map((line) => {
      const cls = line.emphasis ? ' class="draft"' : line.quoted ? ' class="quoted"' : "";
      return `<p${cls}>${escapeHtml(line.text)}</p>`;
    })
    .join("\n");
  const keywords = [meta.contentHash, meta.chainHash].filter(Boolean).join(" ");
  return `<!DOCTYPE html>
<html lang="de">
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
${bodyHtml(doc)}</main>
<footer class="accord"><p>${escapeHtml(footerLine(meta))}</p></footer>
</body>
</html>
`;
}
