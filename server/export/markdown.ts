import type { JSONContent } from "@tiptap/core";
import { clampedAttribute } from "../../shared/schema/attributeBounds.ts";
import { type ExportMeta, footerLine, type MetaLine, metaLines, plainText, safeHref, ZWSP } from "./meta.ts";

// The document's text must come out of the .md as text, whatever it holds: no raw HTML,
// link, list, heading or quote may be made from it by any CommonMark/GFM renderer (issue 11).
// The only HTML in the file is Accord's own (<ins>, <br> in table cells).

/** Line breaks inside a text or code run: in Markdown they would start a new block (an HTML block, a list). */
const BREAKS = /[\r\n\u2028\u2029]+/g;

/**
 * Running text with every character that can open or close inline syntax escaped (CommonMark
 * lets any ASCII punctuation be escaped with a backslash), and `&` where it would start an
 * entity, so that "&lt;" stays as typed.
 */
const escapeText = (s: string) =>
  s
    .replace(BREAKS, " ")
    .replace(/[\\`*_[\]#<>|~]/g, "\\$&")
    .replace(/&(?=#?\w+;)/g, "\\&");

/**
 * Defuses what only means something at the start of a line, after the text is escaped:
 * "1. Januar 2024" (an ordered list), "- ", "+ ", "=" (a list, a setext underline), and
 * leading spaces (four make a code block). Our own syntax never starts with these.
 */
const guardLineStarts = (md: string) =>
  md
    .split("\n")
    .map((line) =>
      line
        .replace(/^[ \t]+/, "")
        .replace(/^(\d{1,9})([.)])/, "$1\\$2")
        .replace(/^[-+=]/, "\\$&"),
    )
    .join("\n");

/**
 * A code span that holds `text` exactly: its fence is longer than any backtick run inside,
 * padded when the text starts or ends with a backtick or space (CommonMark strips one space
 * each side). Line breaks become spaces, as a renderer would show them anyway; in a table
 * cell, pipes are escaped, which GFM undoes inside code.
 */
function codeSpan(text: string, inTable: boolean): string {
  let body = text.replace(BREAKS, " ");
  if (inTable) body = body.replace(/\|/g, "\\|");
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(body) && !/^ *$/.test(body) ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** A link target inside <…>: no whitespace, angle brackets or backslashes left to end or escape it. */
const linkTarget = (href: string) => href.replace(/[\s<>\\`\p{Cc}]/gu, (c) => encodeURIComponent(c));

/** Inline content; `hardBreak` is what a hard break becomes (a Markdown line break, or a space where none can be). */
function inline(nodes: readonly JSONContent[], hardBreak = "  \n", inTable = false): string {
  return nodes
    .map((node) => {
      if (node.type === "hardBreak") return hardBreak;
      const text = (node.text ?? "").replace(ZWSP, "");
      if (!text) return "";
      const names = new Set((node.marks ?? []).map((m) => m.type));
      let out = names.has("code") ? codeSpan(text, inTable) : escapeText(text);
      if (names.has("bold")) out = `**${out}**`;
      if (names.has("italic")) out = `*${out}*`;
      if (names.has("strike") || names.has("deletion")) out = `~~${out}~~`;
      if (names.has("insertion")) out = `<ins>${out}</ins>`;
      const link = node.marks?.find((m) => m.type === "link");
      const href = safeHref(link?.attrs?.href);
      if (href) out = `[${out}](<${linkTarget(href)}>)`;
      return out;
    })
    .join("");
}

const cellText = (cell: JSONContent) =>
  (cell.content ?? []).map((p) => guardLineStarts(inline(p.content ?? [], "<br>", true))).join("<br>") || " ";

function table(node: JSONContent): string {
  const rows = (node.content ?? []).map((row) => (row.content ?? []).map(cellText));
  const width = Math.max(1, ...rows.map((r) => r.length));
  const pad = (r: string[]) => [...r, ...Array(width - r.length).fill(" ")];
  const [head = [], ...body] = rows;
  const line = (cells: string[]) => `| ${pad(cells).join(" | ")} |`;
  return [line(head), `|${" --- |".repeat(width)}`, ...body.map(line)].join("\n");
}

/** Every line of `md` after the first indented by `prefix`: the rest of a list item or quote. */
const nest = (first: string, prefix: string, md: string) =>
  md
    .split("\n")
    .map((line, i) => (i === 0 ? first : prefix) + line)
    .join("\n");

function block(node: JSONContent): string {
  switch (node.type) {
    case "paragraph":
      return guardLineStarts(inline(node.content ?? []));
    case "heading":
      return `${"#".repeat(clampedAttribute(node, "level", 1))} ${guardLineStarts(inline(node.content ?? [], " "))}`;
    case "bulletList":
    case "orderedList": {
      const start = clampedAttribute(node, "start", 1);
      return (node.content ?? [])
        .map((item, i) => {
          const marker = node.type === "bulletList" ? "- " : `${start + i}. `;
          const body = (item.content ?? []).map(block).join("\n");
          return nest(marker, " ".repeat(marker.length), body);
        })
        .join("\n");
    }
    case "blockquote":
      return nest("> ", "> ", (node.content ?? []).map(block).join("\n\n"));
    case "codeBlock": {
      const code = plainText(node);
      // A fence longer than any backtick run inside, so no line of the code can close it.
      const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
      const fence = "`".repeat(Math.max(3, longest + 1));
      return `${fence}\n${code}\n${fence}`;
    }
    case "horizontalRule":
      return "---";
    case "table":
      return table(node);
    default:
      return (node.content ?? []).map(block).join("\n\n");
  }
}

/**
 * The cover block as a quote; what a person typed (quoted lines) as a quote inside it, with
 * an empty quote line on either side, so the next decision never continues inside it.
 */
function coverQuote(lines: MetaLine[]): string {
  const runs: { quoted: boolean; texts: string[] }[] = [];
  for (const line of lines) {
    const quoted = line.quoted === true;
    const last = runs.at(-1);
    const text = guardLineStarts(escapeText(line.text));
    if (last && last.quoted === quoted) last.texts.push(text);
    else runs.push({ quoted, texts: [text] });
  }
  return runs.map((run) => run.texts.map((t) => (run.quoted ? `> > ${t}` : `> ${t}`)).join("  \n")).join("\n>\n");
}

/** CommonMark with GFM tables: a title, the version's data as a quote block, the text, the hash again at the end. */
export function markdownOf(doc: JSONContent, meta: ExportMeta): string {
  const cover = coverQuote(metaLines(meta));
  const body = (doc.content ?? []).map(block).join("\n\n");
  return `# ${escapeText(meta.title)}\n\n${cover}\n\n${body}\n\n---\n\n${guardLineStarts(escapeText(footerLine(meta)))}\n`;
}
