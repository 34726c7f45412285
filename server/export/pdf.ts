import { createRequire } from "node:module";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import PDFDocument from "pdfkit";
import { clampedAttribute } from "../../shared/schema/attributeBounds.ts";
import { type ExportMeta, footerLine, metaLines, plainText, safeHref, ZWSP } from "./meta.ts";

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
const HEADING_SIZES = [17, 14, 12, 11];

type Pdf = InstanceType<typeof PDFDocument>;

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

function table(pdf: Pdf, node: JSONContent, left: number, width: number): void {
  const rows = node.content ?? [];
  const columns = Math.max(
    1,
    ...rows.map((r) => (r.content ?? []).reduce((n, c) => n + clampedAttribute(c, "colspan", 1), 0)),
  );
  const unit = width / columns;
  const pad = 3;
  const size = SIZE - 2;
  for (const row of rows) {
    const cells = (row.content ?? []).map((cell) => ({
      cell,
      text: (cell.content ?? []).map(plainText).join("\n").replace(ZWSP, ""),
      span: clampedAttribute(cell, "colspan", 1),
      bold: cell.type === "tableHeader",
    }));
    const heights = cells.map((c) =>
      pdf
        .font(c.bold ? FONTS.bold : FONTS.regular)
        .fontSize(size)
        .heightOfString(c.text || " ", { width: unit * c.span - 2 * pad }),
    );
    const height = Math.max(...heights, size) + 2 * pad;
    if (pdf.y + height > pdf.page.height - MARGIN) pdf.addPage();
    const top = pdf.y;
    let x = left;
    for (const c of cells) {
      const w = unit * c.span;
      pdf.lineWidth(0.5).strokeColor("#8a96a3").rect(x, top, w, height).stroke();
      pdf
        .font(c.bold ? FONTS.bold : FONTS.regular)
        .fontSize(size)
        .fillColor("#1d2733")
        .text(c.text, x + pad, top + pad, { width: w - 2 * pad });
      x += w;
    }
    pdf.x = left;
    pdf.y = top + height;
  }
  pdf.moveDown(0.8);
}

function blocks(pdf: Pdf, nodes: readonly JSONContent[], left: number, width: number): void {
  for (const node of nodes) {
    pdf.x = left;
    switch (node.type) {
      case "paragraph":
        inline(pdf, node.content ?? [], SIZE, width);
        pdf.moveDown(0.5);
        break;
      case "heading": {
        const level = Math.min(4, clampedAttribute(node, "level", 1));
        pdf.moveDown(0.4);
        inline(pdf, node.content ?? [], HEADING_SIZES[level - 1] ?? SIZE, width, true);
        pdf.moveDown(0.3);
        break;
      }
      case "bulletList":
      case "orderedList": {
        const start = clampedAttribute(node, "start", 1);
        (node.content ?? []).forEach((item, i) => {
          const marker = node.type === "bulletList" ? "•" : `${start + i}.`;
          const y = pdf.y;
          pdf.font(FONTS.regular).fontSize(SIZE).fillColor("#1d2733").text(marker, left, y, { width: 18 });
          pdf.y = y;
          blocks(pdf, item.content ?? [], left + 20, width - 20);
        });
        break;
      }
      case "blockquote":
        blocks(pdf, node.content ?? [], left + 16, width - 16);
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
        table(pdf, node, left, width);
        break;
      default:
        blocks(pdf, node.content ?? [], left, width);
    }
  }
}

/**
 * A PDF made on the server with no browser: cover block with the version's data, the text
 * (headings, lists, tables, links; suggestions shown as coloured insertions and
 * deletions), and on every page a footer with the content hash. The hashes are also in the
 * document information (Keywords), which `POST /api/verify` reads.
 */
export function pdfOf(doc: JSONContent, meta: ExportMeta, heading = meta.title): Promise<Uint8Array> {
  const issued = meta.frozenAt ? new Date(meta.frozenAt) : new Date();
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    // A version's PDF carries its freeze time, never the export's: pdfkit derives the file
    // /ID from these dates, so two exports of one version are the same bytes (issue 11).
    info: {
      CreationDate: issued,
      ModDate: issued,
      Title: heading,
      Author: "Accord",
      Subject: footerLine(meta),
      Keywords: [meta.contentHash, meta.chainHash].filter(Boolean).join(" "),
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
    pdf.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    pdf.on("error", reject);
  });
  const width = pdf.page.width - 2 * MARGIN;
  pdf.font(FONTS.bold).fontSize(18).fillColor("#1d2733").text(heading, { width });
  pdf.moveDown(0.4);
  for (const line of metaLines(meta)) {
    const indent = line.quoted ? QUOTE_INDENT : 0;
    pdf
      .font(line.emphasis ? FONTS.bold : FONTS.regular)
      .fontSize(8.5)
      .fillColor(line.emphasis ? "#8c1d18" : "#404b57")
      .text(line.text, MARGIN + indent, undefined, { width: width - indent });
  }
  pdf.moveDown(1.2);
  blocks(pdf, doc.content ?? [], MARGIN, width);

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
