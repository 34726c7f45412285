import type { JSONContent } from "@tiptap/core";
import { clampedAttribute } from "../../shared/schema/attributeBounds.ts";
import { COMMENTS_HEADING, threadEntries } from "./commentEntries.ts";
import { type ExportMeta, footerLine, type MetaLine, metaLines, plainText, safeHref, ZWSP } from "./meta.ts";
import type { ExportOptions } from "./options.ts";

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

/** An inline mark as Markdown writes it around text; `key` tells one link from another. */
interface Delimiter {
  key: string;
  open: string;
  close: string;
}

/** The marks of a text run, outermost first: link, insertion, strike, italic, bold. */
function delimitersOf(node: JSONContent): Delimiter[] {
  const names = new Set((node.marks ?? []).map((m) => m.type));
  const href = safeHref(node.marks?.find((m) => m.type === "link")?.attrs?.href);
  const out: Delimiter[] = [];
  if (href) out.push({ key: `link ${href}`, open: "[", close: `](<${linkTarget(href)}>)` });
  if (names.has("insertion")) out.push({ key: "ins", open: "<ins>", close: "</ins>" });
  if (names.has("strike") || names.has("deletion")) out.push({ key: "strike", open: "~~", close: "~~" });
  if (names.has("italic")) out.push({ key: "italic", open: "*", close: "*" });
  if (names.has("bold")) out.push({ key: "bold", open: "**", close: "**" });
  return out;
}

/** Adjacent text runs with the same marks as one run: "`a``b`" would not be the code "ab". */
function coalesced(nodes: readonly JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (
      node.type === "text" &&
      last?.type === "text" &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      out[out.length - 1] = { ...last, text: (last.text ?? "") + (node.text ?? "") };
    } else out.push(node);
  }
  return out;
}

/**
 * Inline content; `hardBreak` is what a hard break becomes (a Markdown line break, or a
 * space where none can be). A mark stays open across the runs that share it, and white
 * space at either end of a run is moved outside the delimiters that start or end there:
 * CommonMark reads "** fett **" and "**a****b**" as literal asterisks, not as bold.
 */
function inline(nodes: readonly JSONContent[], hardBreak = "  \n", inTable = false): string {
  let out = "";
  const open: Delimiter[] = [];
  // White space (and hard breaks) after a run's text: written once the next run has closed
  // what ends with this one, so that no closing delimiter follows white space.
  let pending = "";
  for (const node of coalesced(nodes)) {
    if (node.type === "hardBreak") {
      pending += hardBreak;
      continue;
    }
    const raw = (node.text ?? "").replace(ZWSP, "").replace(BREAKS, " ");
    if (!raw) continue;
    const isCode = (node.marks ?? []).some((m) => m.type === "code");
    const [, lead = "", core = "", trail = ""] = isCode ? ["", "", raw, ""] : (/^(\s*)(.*?)(\s*)$/su.exec(raw) ?? []);
    if (!core) {
      pending += lead;
      continue;
    }
    const wanted = delimitersOf(node);
    // Keep open what this run still has, so that no delimiter closes and reopens between runs.
    let keep = 0;
    while (keep < open.length && wanted.some((d) => d.key === open[keep]?.key)) keep++;
    while (open.length > keep) out += open.pop()?.close ?? "";
    out += pending + lead;
    pending = "";
    for (const d of wanted) {
      if (open.some((o) => o.key === d.key)) continue;
      open.push(d);
      out += d.open;
    }
    out += isCode ? codeSpan(core, inTable) : escapeText(core);
    pending = trail;
  }
  while (open.length > 0) out += open.pop()?.close ?? "";
  return out + pending;
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

/** Text Accord prints on a line of its own, escaped like the document's text. */
const line = (text: string) => guardLineStarts(escapeText(text));

/**
 * The appendix "Kommentare": a heading per thread, its passage, and each comment's byline in
 * bold with what the person wrote as a quote under it, so that no comment can print a line
 * that reads as another byline.
 */
function commentsAppendix(options: ExportOptions): string {
  const entries = threadEntries(options.threads ?? []);
  if (entries.length === 0) return "";
  const threads = entries.map((entry) =>
    [
      `### ${line(entry.title)}`,
      `*${line(entry.passage)}*`,
      ...entry.comments.map((c) =>
        [`**${line(c.byline)}**`, ...(c.lines.length ? [c.lines.map((l) => `> ${line(l)}`).join("  \n")] : [])].join(
          "\n\n",
        ),
      ),
    ].join("\n\n"),
  );
  return `\n\n## ${COMMENTS_HEADING}\n\n${threads.join("\n\n")}`;
}

/**
 * CommonMark with GFM tables: a title, the version's data as a quote block, the text, the
 * comment threads, the hash again at the end.
 */
export function markdownOf(doc: JSONContent, meta: ExportMeta, options: ExportOptions = {}): string {
  const cover = coverQuote(metaLines(meta));
  const body = (doc.content ?? []).map(block).join("\n\n");
  return `# ${escapeText(meta.title)}\n\n${cover}\n\n${body}${commentsAppendix(options)}\n\n---\n\n${line(footerLine(meta))}\n`;
}
