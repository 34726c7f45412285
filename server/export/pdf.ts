import { createRequire } from "node:module";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import type PDFDocument from "pdfkit";
import { clampedAttribute } from "../../shared/schema/attributeBounds.ts";
import { COMMENTS_HEADING, threadEntries } from "./commentEntries.ts";
import { exportLanguage } from "./language.ts";
import { type ExportMeta, footerLine, type MetaLine, metaLines, plainText, safeHref, ZWSP } from "./meta.ts";
import type { ExportOptions } from "./options.ts";
import { archivalPdf } from "./pdfArchival.ts";
import { pdfTable } from "./pdfTable.ts";

// DejaVu (free licence, shipped by the dejavu-fonts-ttf package) covers umlauts, «», –, ≥;
// it is embedded, so the PDF renders the same anywhere and no font is fetched at run time.
const fontDir = path.join(path.dirname(createRequire(import.meta.url).resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONTS = {
  regular: path.join(fontDir, "DejaVuSans.ttf"),
  bold: path.join(fontDir, "DejaVuSans-Bold.ttf"),
  italic: path.join(fontDir, "DejaVuSans-Oblique.ttf"),
  boldItalic: path.join(fontDir, "DejaVuSans-BoldOblique.ttf"),
  mono: path.join(fontDir, "DejaVuSansMono.ttf"),
};

const MARGIN = 56;
/** How far what a person typed on the cover is set in from the decision it belongs to (see MetaLine). */
const QUOTE_INDENT = 18;
const SIZE = 10.5;
const COVER_SIZE = 8.5;
const HEADING_SIZES = [17, 14, 12, 11];

type Pdf = InstanceType<typeof PDFDocument>;
/** Where a heading's bookmark goes: under the nearest earlier heading of a higher level. */
type Outline = { level: number; item: Pdf["outline"] }[];

function fontFor(names: Set<string>): string {
  if (names.has("code")) return FONTS.mono;
  if (names.has("bold") && names.has("italic")) return FONTS.boldItalic;
  if (names.has("bold")) return FONTS.bold;
  if (names.has("italic")) return FONTS.italic;
  return FONTS.regular;
}

/** Writes inline content as one flowing paragraph at the current position. */
function inline(pdf: Pdf, nodes: readonly JSONContent[], size: number, width: number, baseBold = false): void {
  const parts = nodes
    .map((n) => ({ node: n, text: n.type === "hardBreak" ? "\n" : (n.text ?? "").replace(ZWSP, "") }))
    .filter((p) => p.text !== "");
  if (parts.length === 0) {
    pdf.moveDown(0.5);
    return;
  }
  parts.forEach(({ node, text }, i) => {
    const names = new Set((node.marks ?? []).map((m) => m.type));
    if (baseBold) names.add("bold");
    const inserted = names.has("insertion");
    const deleted = names.has("deletion");
    const link = safeHref(node.marks?.find((m) => m.type === "link")?.attrs?.href);
    pdf
      .font(fontFor(names))
      .fontSize(size)
      .fillColor(inserted ? "#0b5e2b" : deleted ? "#8c1d18" : link ? "#1f4e9c" : "#1d2733")
      .text(text, {
        width,
        continued: i < parts.length - 1,
        underline: inserted || names.has("underline") || link !== null,
        strike: deleted || names.has("strike"),
        link,
      });
  });
  pdf.fillColor("#1d2733");
}

const bottomOf = (pdf: Pdf) => pdf.page.height - pdf.page.margins.bottom;

/** Adds a bookmark for a heading of `level` on the current page, nested under the last higher one. */
function bookmark(pdf: Pdf, outline: Outline, level: number, title: string): void {
  while ((outline.at(-1)?.level ?? 0) >= level) outline.pop();
  const parent = outline.at(-1)?.item ?? pdf.outline;
  outline.push({ level, item: parent.addItem(title || " ") });
}

/**
 * A heading: kept with at least two lines of what follows (a new page otherwise), so that
 * its bookmark leads to the page it stands on.
 */
function heading(pdf: Pdf, node: JSONContent, width: number, outline: Outline): void {
  const level = Math.min(4, clampedAttribute(node, "level", 1));
  const size = HEADING_SIZES[level - 1] ?? SIZE;
  const title = plainText(node).replace(ZWSP, "").replace(/\s+/g, " ").trim();
  pdf.moveDown(0.4);
  const height = pdf
    .font(FONTS.bold)
    .fontSize(size)
    .heightOfString(title || " ", { width });
  if (pdf.y + height + 3 * SIZE > bottomOf(pdf)) pdf.addPage();
  bookmark(pdf, outline, clampedAttribute(node, "level", 1), title);
  inline(pdf, node.content ?? [], size, width, true);
  pdf.moveDown(0.3);
}

function blocks(pdf: Pdf, nodes: readonly JSONContent[], left: number, width: number, outline: Outline): void {
  for (const node of nodes) {
    pdf.x = left;
    switch (node.type) {
      case "paragraph":
        inline(pdf, node.content ?? [], SIZE, width);
        pdf.moveDown(0.5);
        break;
      case "heading":
        heading(pdf, node, width, outline);
        break;
      case "bulletList":
      case "orderedList": {
        const start = clampedAttribute(node, "start", 1);
        (node.content ?? []).forEach((item, i) => {
          const marker = node.type === "bulletList" ? "•" : `${start + i}.`;
          const y = pdf.y;
          pdf.font(FONTS.regular).fontSize(SIZE).fillColor("#1d2733").text(marker, left, y, { width: 18 });
          pdf.y = y;
          blocks(pdf, item.content ?? [], left + 20, width - 20, outline);
        });
        break;
      }
      case "blockquote":
        blocks(pdf, node.content ?? [], left + 16, width - 16, outline);
        break;
      case "codeBlock":
        pdf
          .font(FONTS.mono)
          .fontSize(SIZE - 1)
          .text(plainText(node), left, pdf.y, { width });
        pdf.moveDown(0.5);
        break;
      case "horizontalRule":
        pdf
          .moveTo(left, pdf.y)
          .lineTo(left + width, pdf.y)
          .strokeColor("#8a96a3")
          .stroke();
        pdf.moveDown(0.5);
        break;
      case "table":
        pdfTable(pdf, node, left, width, SIZE - 2, FONTS);
        pdf.moveDown(0.8);
        break;
      default:
        blocks(pdf, node.content ?? [], left, width, outline);
    }
  }
}

/** One cover line at the current position, set in under its decision when a person typed it. */
function coverLine(pdf: Pdf, line: MetaLine, width: number, measureOnly = false): number {
  const indent = line.quoted ? QUOTE_INDENT : 0;
  pdf.font(line.emphasis ? FONTS.bold : FONTS.regular).fontSize(COVER_SIZE);
  if (measureOnly) return pdf.heightOfString(line.text, { width: width - indent });
  pdf.fillColor(line.emphasis ? "#8c1d18" : "#404b57").text(line.text, MARGIN + indent, undefined, {
    width: width - indent,
  });
  return 0;
}

/**
 * The approval block (every decision with its details and reason) on one page: measured
 * first, and when it would be split, it starts on a new page. A block taller than a page
 * is broken between decisions only, never inside one.
 */
function approvalBlock(pdf: Pdf, lines: readonly MetaLine[], width: number): void {
  const height = (ls: readonly MetaLine[]) => ls.reduce((h, l) => h + coverLine(pdf, l, width, true), 0);
  const usable = pdf.page.height - pdf.page.margins.top - pdf.page.margins.bottom;
  const fits = (ls: readonly MetaLine[]) => pdf.y + height(ls) <= bottomOf(pdf);
  if (!fits(lines) && height(lines) <= usable) pdf.addPage();
  const decisions = new Map<number, MetaLine[]>();
  for (const line of lines) decisions.set(line.approval ?? -1, [...(decisions.get(line.approval ?? -1) ?? []), line]);
  for (const decision of decisions.values()) {
    if (!fits(decision) && height(decision) <= usable) pdf.addPage();
    for (const line of decision) coverLine(pdf, line, width);
  }
}

/** The appendix "Kommentare": every thread with its passage, comments and replies, bookmarked. */
function commentsAppendix(pdf: Pdf, options: ExportOptions, width: number, outline: Outline): void {
  const entries = threadEntries(options.threads ?? []);
  if (entries.length === 0) return;
  heading(
    pdf,
    { type: "heading", attrs: { level: 1 }, content: [{ type: "text", text: COMMENTS_HEADING }] },
    width,
    outline,
  );
  for (const entry of entries) {
    pdf.moveDown(0.4);
    if (pdf.y + 4 * SIZE > bottomOf(pdf)) pdf.addPage();
    pdf.font(FONTS.bold).fontSize(SIZE).fillColor("#1d2733").text(entry.title, MARGIN, undefined, { width });
    pdf.font(FONTS.italic).fontSize(SIZE).text(entry.passage, MARGIN, undefined, { width });
    for (const comment of entry.comments) {
      pdf.moveDown(0.2);
      // A byline never stands alone at the foot of a page: its first line of text goes with it.
      if (pdf.y + 3 * SIZE > bottomOf(pdf)) pdf.addPage();
      pdf
        .font(FONTS.bold)
        .fontSize(SIZE - 1)
        .fillColor("#404b57")
        .text(comment.byline, MARGIN, undefined, { width });
      for (const line of comment.lines) {
        pdf
          .font(FONTS.regular)
          .fontSize(SIZE)
          .fillColor("#1d2733")
          .text(line, MARGIN + QUOTE_INDENT, undefined, { width: width - QUOTE_INDENT });
      }
    }
  }
}

/**
 * A PDF/A-2b file made on the server with no browser (see pdfArchival.ts): cover block with
 * the version's data and its approval block kept on one page, the text (headings as nested
 * bookmarks, lists, tables with repeated header rows, links; suggestions shown as coloured
 * insertions and deletions), the comment threads in an appendix, and on every page a footer
 * with the content hash. The hashes are also in the document information (Keywords), which
 * `POST /api/verify` reads.
 */
export function pdfOf(
  doc: JSONContent,
  meta: ExportMeta,
  title = meta.title,
  options: ExportOptions = {},
): Promise<Uint8Array> {
  const pdf = archivalPdf({
    title: title,
    subject: footerLine(meta),
    keywords: [meta.contentHash, meta.chainHash].filter(Boolean).join(" "),
    issued: meta.frozenAt ? new Date(meta.frozenAt) : new Date(),
    lang: exportLanguage(options.lang),
    font: FONTS.regular,
    margin: MARGIN,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
  });
  const width = pdf.page.width - 2 * MARGIN;
  const outline: Outline = [];
  pdf.font(FONTS.bold).fontSize(18).fillColor("#1d2733").text(title, { width });
  pdf.moveDown(0.4);
  const lines = metaLines(meta);
  for (const line of lines.filter((l) => l.approval === undefined)) coverLine(pdf, line, width);
  approvalBlock(
    pdf,
    lines.filter((l) => l.approval !== undefined),
    width,
  );
  pdf.moveDown(1.2);
  blocks(pdf, doc.content ?? [], MARGIN, width, outline);
  commentsAppendix(pdf, options, width, outline);

  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing into the margin must not start a new page
    pdf
      .font(FONTS.regular)
      .fontSize(7)
      .fillColor("#5f6b7a")
      .text(`${footerLine(meta)} · Seite ${i + 1}/${range.count}`, MARGIN, pdf.page.height - 36, {
        width,
        lineBreak: false,
      });
    pdf.page.margins.bottom = bottom;
  }
  pdf.end();
  return done;
}
