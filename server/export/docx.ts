import type { JSONContent } from "@tiptap/core";
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  ExternalHyperlink,
  Footer,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { clampedAttribute } from "../../shared/schema/attributeBounds.ts";
import { type ExportMeta, footerLine, metaLines, safeHref, ZWSP } from "./meta.ts";
import { zipDeterministic } from "./zipDeterministic.ts";

/** How far what a person typed on the cover is set in (twips; see MetaLine). */
const QUOTE_INDENT_TWIPS = 360;
/** Who a tracked change is attributed to in Word, from the mark's id (a suggestion's author, or the comparison). */
export type ChangeAuthor = (markId: unknown) => string;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4];

interface Context {
  author: ChangeAuthor;
  date: string;
  /** Next w:ins / w:del id; Word wants them unique in the document. */
  changeId: { next: number };
}

function runs(nodes: readonly JSONContent[], ctx: Context): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  for (const node of nodes) {
    if (node.type === "hardBreak") {
      out.push(new TextRun({ break: 1 }));
      continue;
    }
    const text = (node.text ?? "").replace(ZWSP, "");
    if (!text) continue;
    const names = new Set((node.marks ?? []).map((m) => m.type));
    const style = {
      text,
      bold: names.has("bold"),
      italics: names.has("italic"),
      strike: names.has("strike"),
      ...(names.has("underline") ? { underline: {} } : {}),
      ...(names.has("code") ? { font: "Courier New" } : {}),
    };
    const insertion = node.marks?.find((m) => m.type === "insertion");
    const deletion = node.marks?.find((m) => m.type === "deletion");
    const change = (mark: typeof insertion) => ({
      id: ctx.changeId.next++,
      author: ctx.author(mark?.attrs?.id),
      date: ctx.date,
    });
    let run: ParagraphChild;
    if (insertion) run = new InsertedTextRun({ ...style, ...change(insertion) });
    else if (deletion) run = new DeletedTextRun({ ...style, ...change(deletion) });
    else run = new TextRun(style);
    const href = safeHref(node.marks?.find((m) => m.type === "link")?.attrs?.href);
    out.push(href ? new ExternalHyperlink({ link: href, children: [run] }) : run);
  }
  return out;
}

function blocks(
  nodes: readonly JSONContent[],
  ctx: Context,
  list?: { reference: string; level: number },
): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case "paragraph":
        out.push(new Paragraph({ children: runs(node.content ?? [], ctx), ...(list ? { numbering: list } : {}) }));
        break;
      case "heading":
        out.push(
          new Paragraph({
            heading: HEADINGS[Math.min(3, clampedAttribute(node, "level", 1) - 1)] ?? HeadingLevel.HEADING_1,
            children: runs(node.content ?? [], ctx),
          }),
        );
        break;
      case "bulletList":
      case "orderedList": {
        const reference = node.type === "bulletList" ? "bullets" : "numbers";
        const level = list ? Math.min(list.level + 1, 4) : 0;
        for (const item of node.content ?? []) {
          item.content?.forEach((child, i) => {
            // Only the item's first paragraph carries the bullet; the rest are nested lists or continuations.
            const nested = child.type === "bulletList" || child.type === "orderedList";
            out.push(
              ...blocks([child], ctx, nested ? { reference, level } : i === 0 ? { reference, level } : undefined),
            );
          });
        }
        break;
      }
      case "blockquote":
        out.push(...blocks(node.content ?? [], ctx).map((p) => p));
        break;
      case "codeBlock":
        out.push(
          new Paragraph({
            children: [
              new TextRun({ text: (node.content ?? []).map((c) => c.text ?? "").join(""), font: "Courier New" }),
            ],
          }),
        );
        break;
      case "horizontalRule":
        out.push(
          new Paragraph({ children: [], border: { bottom: { style: "single", size: 6, color: "8A96A3", space: 1 } } }),
        );
        break;
      case "table":
        out.push(
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: (node.content ?? []).map(
              (row) =>
                new TableRow({
                  tableHeader: (row.content ?? []).every((c) => c.type === "tableHeader"),
                  children: (row.content ?? []).map(
                    (cell) =>
                      new TableCell({
                        columnSpan: clampedAttribute(cell, "colspan", 1),
                        rowSpan: clampedAttribute(cell, "rowspan", 1),
                        children: blocks(cell.content ?? [], ctx).filter((b): b is Paragraph => b instanceof Paragraph),
                      }),
                  ),
                }),
            ),
          }),
          new Paragraph({ children: [] }),
        );
        break;
      default:
        out.push(...blocks(node.content ?? [], ctx, list));
    }
  }
  return out;
}

const numbering = {
  config: [
    {
      reference: "bullets",
      levels: [0, 1, 2, 3, 4].map((level) => ({
        level,
        format: LevelFormat.BULLET,
        text: ["•", "◦", "▪", "•", "◦"][level] ?? "•",
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
      })),
    },
    {
      reference: "numbers",
      levels: [0, 1, 2, 3, 4].map((level) => ({
        level,
        format: LevelFormat.DECIMAL,
        text: `%${level + 1}.`,
        alignment: AlignmentType.LEFT,
        style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
      })),
    },
  ],
};

/**
 * A Word document: a cover block with the version's data, the text with headings, lists,
 * tables and links, and a footer with the hash on every page. Insertion and deletion marks
 * become real tracked changes (w:ins / w:del), attributed by `author`, which Word and
 * LibreOffice offer to accept or reject.
 */
export async function docxOf(
  doc: JSONContent,
  meta: ExportMeta,
  options: { author?: ChangeAuthor; heading?: string } = {},
): Promise<Uint8Array> {
  const ctx: Context = {
    author: options.author ?? (() => "Accord"),
    date: issuedAt(meta),
    changeId: { next: 1 },
  };
  const cover = metaLines(meta).map(
    (line) =>
      new Paragraph({
        indent: line.quoted ? { left: QUOTE_INDENT_TWIPS } : undefined,
        children: [new TextRun({ text: line.text, size: 18, bold: line.emphasis === true, color: "404B57" })],
      }),
  );
  const document = new Document({
    creator: "Accord",
    title: options.heading ?? meta.title,
    description: footerLine(meta),
    keywords: [meta.contentHash, meta.chainHash].filter(Boolean).join(" "),
    numbering,
    styles: { default: { document: { run: { font: "DejaVu Sans", size: 21 } } } },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ children: [new TextRun({ text: footerLine(meta), size: 14 })] })],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(options.heading ?? meta.title)] }),
          ...cover,
          new Paragraph({ children: [] }),
          ...blocks(doc.content ?? [], ctx),
        ],
      },
    ],
  });
  return repack(new Uint8Array(await Packer.toBuffer(document)), ctx.date);
}

/** A version's time (its freeze), in the form Word writes; the current time only for drafts. */
const issuedAt = (meta: ExportMeta) => (meta.frozenAt ?? new Date().toISOString()).replace(/\.\d{3}Z$/, "Z");

/** Relationship ids the docx library makes random ("rId" + a nanoid, for hyperlinks); its own counted ones are "rId<n>". */
const RANDOM_RELATIONSHIP_ID = /\bId="(rId(?!\d+")[A-Za-z0-9_-]+)"/g;

/**
 * The docx library stamps docProps/core.xml (created, modified) and every zip entry with
 * the current time, and gives each hyperlink a random relationship id, with no option to
 * set either. The package is re-zipped with the version's time, and the random ids are
 * renamed in order of appearance ("rIdLink1", …) in every part, so two exports of one
 * version are the same bytes (issue 11). The input is our own packer's output, never a
 * file from outside.
 */
function repack(docx: Uint8Array, date: string): Uint8Array {
  const parts = unzipSync(docx);
  const renamed = new Map<string, string>();
  for (const [name, bytes] of Object.entries(parts)) {
    if (!name.endsWith(".rels")) continue;
    for (const [, id] of strFromU8(bytes).matchAll(RANDOM_RELATIONSHIP_ID)) {
      if (id && !renamed.has(id)) renamed.set(id, `rIdLink${renamed.size + 1}`);
    }
  }
  for (const [name, bytes] of Object.entries(parts)) {
    if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
    let xml = strFromU8(bytes);
    if (name === "docProps/core.xml") {
      xml = xml.replace(
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_m, open: string, _name: string, close: string) => `${open}${date}${close}`,
      );
    }
    if (renamed.size > 0)
      xml = xml.replace(/="(rId[A-Za-z0-9_-]+)"/g, (m, id: string) => {
        const to = renamed.get(id);
        return to ? `="${to}"` : m;
      });
    parts[name] = strToU8(xml);
  }
  return zipDeterministic(parts, date);
}
