import type { JSONContent } from "@tiptap/core";
import { HeadingLevel, type IParagraphOptions, Paragraph, Table, TableCell, TableRow, WidthType } from "docx";
import { clampedAttribute } from "../../../shared/schema/attributeBounds.ts";
import { columnWidths, TABLE_TEXT_SIZE, TEXT_WIDTH_TWIPS } from "./columns.ts";
import type { ListNumbering, ListPlace } from "./numbering.ts";
import { nodeSize } from "./positions.ts";
import { markOf, type Revisions } from "./revisions.ts";
import { CODE_FONT, type InlineContext, inlineRuns } from "./runs.ts";
import { rowChange, type StructureChange } from "./structure.ts";

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;
const headingOf = (level: unknown) =>
  HEADINGS[Math.min(HEADINGS.length, Math.max(1, typeof level === "number" ? Math.trunc(level) : 1)) - 1] ??
  HeadingLevel.HEADING_1;

/** How far a quotation is set in (twips). */
const QUOTE_INDENT_TWIPS = 567;

/** Everything writing the body needs, shared by all its blocks. */
export interface BlockContext extends InlineContext {
  revisions: Revisions;
  numbering: ListNumbering;
  /** Paragraph marks inserted or deleted by a suggestion (structure.ts). */
  markChanges: Map<JSONContent, StructureChange>;
  /** Inside a quotation: its paragraphs are set in. */
  quoted?: boolean;
}

type Block = Paragraph | Table;

/**
 * The paragraph style a block had before a `modification` node mark changed it (the
 * redline's heading level and node-type changes), as a w:pPrChange; none for other marks.
 */
function styleChange(node: JSONContent, revisions: Revisions): Pick<IParagraphOptions, "revision"> {
  const mark = markOf(node, "modification");
  const attrs = mark?.attrs;
  if (!attrs) return {};
  if (attrs.type === "attr" && attrs.attrName === "level")
    return { revision: { ...revisions.change(attrs.id), heading: headingOf(attrs.previousValue) } };
  if (attrs.type === "nodeType")
    return {
      revision: {
        ...revisions.change(attrs.id),
        ...(attrs.previousValue === "heading" ? { heading: headingOf(node.attrs?.level) } : { style: "Normal" }),
      },
    };
  return {};
}

/** The paragraph mark's w:ins / w:del when a suggestion split, joined or added this block. */
function markRevision(node: JSONContent, ctx: BlockContext): Pick<IParagraphOptions, "run"> {
  const change = ctx.markChanges.get(node);
  if (!change) return {};
  return { run: { [change.kind]: ctx.revisions.change(change.markId) } };
}

function textblock(node: JSONContent, pos: number, ctx: BlockContext, extra: Partial<IParagraphOptions>): Paragraph {
  const inline = node.type === "codeBlock" ? { ...ctx, base: { font: CODE_FONT } } : ctx;
  return new Paragraph({
    ...extra,
    ...(node.type === "heading" ? { heading: headingOf(clampedAttribute(node, "level", 1)) } : {}),
    ...styleChange(node, ctx.revisions),
    ...markRevision(node, ctx),
    children: inlineRuns(node.content ?? [], pos + 1, inline),
  });
}

function list(node: JSONContent, pos: number, ctx: BlockContext, level: number): Block[] {
  const kind = node.type === "orderedList" ? "ordered" : "bullet";
  const place = ctx.numbering.add(kind, level, kind === "ordered" ? clampedAttribute(node, "start", 1) : 1);
  const out: Block[] = [];
  let itemPos = pos + 1;
  for (const item of node.content ?? []) {
    let childPos = itemPos + 1;
    item.content?.forEach((child, i) => {
      // Only the item's first paragraph carries the number; later ones continue the item, set in like it.
      out.push(...blocks([child], childPos, ctx, i === 0 ? place : { ...place, continues: true }));
      childPos += nodeSize(child);
    });
    itemPos += nodeSize(item);
  }
  return out;
}

function table(node: JSONContent, pos: number, ctx: BlockContext, spacer: boolean): Block[] {
  const widths = columnWidths(node);
  let rowPos = pos + 1;
  let leading = true;
  const rows = (node.content ?? []).map((row) => {
    const header = (row.content ?? []).length > 0 && (row.content ?? []).every((c) => c.type === "tableHeader");
    // Word repeats only the rows at the top of a table on each page.
    leading &&= header;
    const change = rowChange(row);
    let col = 0;
    let cellPos = rowPos + 1;
    const cells = (row.content ?? []).map((cell) => {
      const span = clampedAttribute(cell, "colspan", 1);
      const width = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
      col += span;
      const inner = { ...ctx, base: { size: TABLE_TEXT_SIZE, ...(cell.type === "tableHeader" ? { bold: true } : {}) } };
      const children = blocks(cell.content ?? [], cellPos + 1, inner).filter(
        (b): b is Paragraph => b instanceof Paragraph,
      );
      cellPos += nodeSize(cell);
      return new TableCell({
        columnSpan: span,
        rowSpan: clampedAttribute(cell, "rowspan", 1),
        width: { size: width, type: WidthType.DXA },
        children: children.length > 0 ? children : [new Paragraph({})],
      });
    });
    rowPos += nodeSize(row);
    return new TableRow({
      ...(leading && header ? { tableHeader: true } : {}),
      ...(change ? { [change.kind]: ctx.revisions.change(change.markId) } : {}),
      children: cells,
    });
  });
  return [
    new Table({
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      rows,
    }),
    // Word needs a paragraph between two tables and after a table that ends a cell or the body.
    ...(spacer ? [new Paragraph({})] : []),
  ];
}

type Place = ListPlace & { continues?: boolean };

/**
 * The document's blocks as Word paragraphs and tables, the first at ProseMirror position
 * `pos`: headings with their Heading<n> style, lists on their own numbering, tables with
 * widths from their content and repeated header rows, and the structure suggestions
 * (paragraph marks, table rows, paragraph style changes) as Word revisions.
 */
export function blocks(nodes: readonly JSONContent[], pos: number, ctx: BlockContext, place?: Place): Block[] {
  const out: Block[] = [];
  const numbering = place
    ? place.continues
      ? { indent: { left: 720 * (place.level + 1) } }
      : { numbering: { reference: place.reference, level: place.level } }
    : ctx.quoted
      ? { indent: { left: QUOTE_INDENT_TWIPS } }
      : {};
  nodes.forEach((node, index) => {
    switch (node.type) {
      case "paragraph":
      case "heading":
      case "codeBlock":
        out.push(textblock(node, pos, ctx, numbering));
        break;
      case "bulletList":
      case "orderedList":
        out.push(...list(node, pos, ctx, place ? Math.min(place.level + 1, 8) : 0));
        break;
      case "blockquote":
        out.push(...blocks(node.content ?? [], pos + 1, { ...ctx, quoted: true }, place));
        break;
      case "horizontalRule":
        out.push(new Paragraph({ border: { bottom: { style: "single", size: 6, color: "8A96A3", space: 1 } } }));
        break;
      case "table":
        out.push(...table(node, pos, ctx, (nodes[index + 1]?.type ?? "table") === "table"));
        break;
      default:
        out.push(...blocks(node.content ?? [], pos + 1, ctx, place));
    }
    pos += nodeSize(node);
  });
  return out;
}
