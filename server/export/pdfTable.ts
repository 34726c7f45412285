import type { JSONContent } from "@tiptap/core";
import type PDFDocument from "pdfkit";
import { clampedAttribute } from "../../shared/schema/attributeBounds.ts";
import { plainText, ZWSP } from "./meta.ts";

type Pdf = InstanceType<typeof PDFDocument>;

/** The fonts a table is set in. */
export interface TableFonts {
  regular: string;
  bold: string;
}

interface Cell {
  text: string;
  span: number;
  bold: boolean;
}

const PAD = 3;
const COLOR = "#1d2733";

/** A row whose every cell is a header cell; the rows a table starts with of that kind are its header. */
const isHeaderRow = (row: JSONContent) =>
  (row.content ?? []).length > 0 && (row.content ?? []).every((c) => c.type === "tableHeader");

/**
 * A table with borders, columns of equal share, and its header rows (the rows it starts
 * with whose cells are all header cells) repeated at the top of every page it continues
 * on, as Word and LibreOffice do with "repeat header rows". A header is never left alone
 * at the foot of a page.
 */
export function pdfTable(pdf: Pdf, node: JSONContent, left: number, width: number, size: number, fonts: TableFonts) {
  const rows = node.content ?? [];
  const columns = Math.max(
    1,
    ...rows.map((r) => (r.content ?? []).reduce((n, c) => n + clampedAttribute(c, "colspan", 1), 0)),
  );
  const unit = width / columns;
  const cellsOf = (row: JSONContent): Cell[] =>
    (row.content ?? []).map((cell) => ({
      text: (cell.content ?? []).map(plainText).join("\n").replace(ZWSP, ""),
      span: clampedAttribute(cell, "colspan", 1),
      bold: cell.type === "tableHeader",
    }));
  const fontOf = (c: Cell) => (c.bold ? fonts.bold : fonts.regular);
  const heightOf = (cells: Cell[]) =>
    Math.max(
      size,
      ...cells.map((c) =>
        pdf
          .font(fontOf(c))
          .fontSize(size)
          .heightOfString(c.text || " ", { width: unit * c.span - 2 * PAD }),
      ),
    ) +
    2 * PAD;
  const draw = (cells: Cell[], height: number) => {
    const top = pdf.y;
    let x = left;
    for (const c of cells) {
      const w = unit * c.span;
      pdf.lineWidth(0.5).strokeColor("#8a96a3").rect(x, top, w, height).stroke();
      pdf
        .font(fontOf(c))
        .fontSize(size)
        .fillColor(COLOR)
        .text(c.text, x + PAD, top + PAD, { width: w - 2 * PAD });
      x += w;
    }
    pdf.x = left;
    pdf.y = top + height;
  };
  const bottom = () => pdf.page.height - pdf.page.margins.bottom;

  const headerCount = rows.findIndex((r) => !isHeaderRow(r));
  const header = rows.slice(0, headerCount < 0 ? rows.length : headerCount).map((r) => {
    const cells = cellsOf(r);
    return { cells, height: heightOf(cells) };
  });
  const headerHeight = header.reduce((h, r) => h + r.height, 0);
  const body = rows.slice(header.length).map((r) => {
    const cells = cellsOf(r);
    return { cells, height: heightOf(cells) };
  });
  // The header with the first row under it, or a new page.
  if (pdf.y + headerHeight + (body[0]?.height ?? 0) > bottom()) pdf.addPage();
  for (const r of header) draw(r.cells, r.height);
  const usable = pdf.page.height - pdf.page.margins.top - pdf.page.margins.bottom;
  for (const r of body) {
    if (pdf.y + r.height > bottom()) {
      pdf.addPage();
      // Only when the header leaves room for the row: a row taller than a page goes on alone.
      if (headerHeight + r.height <= usable) for (const h of header) draw(h.cells, h.height);
    }
    draw(r.cells, r.height);
  }
}
