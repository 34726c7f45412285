import type { JSONContent } from "@tiptap/core";
import { Document, Footer, Header, HeadingLevel, Packer, PageNumber, Paragraph, TextRun } from "docx";
import { parseSuggestionId } from "../../../shared/suggestions/ids.ts";
import type { Attribution } from "../changes.ts";
import { exportLanguage } from "../language.ts";
import { type ExportMeta, footerLine, metaLines } from "../meta.ts";
import type { ExportOptions } from "../options.ts";
import { blocks } from "./blocks.ts";
import { CommentPlacer } from "./comments.ts";
import { ListNumbering } from "./numbering.ts";
import { repack } from "./package.ts";
import { Revisions } from "./revisions.ts";
import { paragraphMarkChanges } from "./structure.ts";
import { exportStyles } from "./styles.ts";

/** How far what a person typed on the cover is set in (twips; see MetaLine). */
const QUOTE_INDENT_TWIPS = 360;
/** Page margins (twips, 2 cm): the text width columns.ts shares out. */
const MARGIN_TWIPS = 1134;

/**
 * How a Word export is made beyond the text and its meta (ExportOptions): `attribution` by
 * default names the suggestion id's user at its time; `heading` is printed instead of the
 * document's title (a redline's "…: Änderungen von …").
 */
export interface DocxOptions extends ExportOptions {
  heading?: string;
}

/** A version's time (its freeze), in the form Word writes; the current time only for drafts. */
const issuedAt = (meta: ExportMeta) => (meta.frozenAt ?? new Date().toISOString()).replace(/\.\d{3}Z$/, "Z");

/** Attribution from the suggestion id alone: its user id and time (callers with names pass their own). */
const idAttribution =
  (fallbackAt: string): Attribution =>
  (markId) => {
    const origin = parseSuggestionId(markId);
    return origin ? { name: origin.userId, at: new Date(origin.at).toISOString() } : { name: "Accord", at: fallbackAt };
  };

const small = (text: string) => new TextRun({ text, size: 16, color: "404B57" });

/**
 * A Word document: a cover block with the version's data, the text with headings, lists,
 * tables and links, a header with the title and a footer with version, hashes and
 * "Seite X von Y". Insertion and deletion marks become tracked changes (w:ins / w:del,
 * paragraph marks and table rows included) and modification marks format changes, each
 * with the author and time `attribution` gives; `threads` become Word comments with their
 * replies. Deterministic for a version: the same input gives the same bytes.
 */
export async function docxOf(doc: JSONContent, meta: ExportMeta, options: DocxOptions = {}): Promise<Uint8Array> {
  const date = issuedAt(meta);
  const revisions = new Revisions(options.attribution ?? idAttribution(date));
  const comments = new CommentPlacer(options.threads ?? [], revisions);
  const numbering = new ListNumbering();
  const title = options.heading ?? meta.title;
  const body = blocks(doc.content ?? [], 0, { revisions, comments, numbering, markChanges: paragraphMarkChanges(doc) });
  const rest = comments.rest();
  const cover = metaLines(meta).map(
    (line) =>
      new Paragraph({
        indent: line.quoted ? { left: QUOTE_INDENT_TWIPS } : undefined,
        spacing: { after: 40 },
        children: [new TextRun({ text: line.text, size: 18, bold: line.emphasis === true, color: "404B57" })],
      }),
  );
  const document = new Document({
    creator: options.creator ?? "Accord",
    lastModifiedBy: options.lastEditor ?? options.creator ?? "Accord",
    title,
    description: footerLine(meta),
    keywords: [meta.contentHash, meta.chainHash].filter(Boolean).join(" "),
    numbering: numbering.options,
    styles: exportStyles(exportLanguage(options.lang)),
    ...(comments.options.length > 0 ? { comments: { children: comments.options } } : {}),
    sections: [
      {
        properties: {
          page: {
            size: { width: 11906, height: 16838 },
            margin: { top: MARGIN_TWIPS, bottom: MARGIN_TWIPS, left: MARGIN_TWIPS, right: MARGIN_TWIPS },
          },
        },
        headers: { default: new Header({ children: [new Paragraph({ children: [small(title)] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({ children: [small(footerLine(meta))] }),
              new Paragraph({
                children: [
                  new TextRun({
                    size: 16,
                    color: "404B57",
                    children: ["Seite ", PageNumber.CURRENT, " von ", PageNumber.TOTAL_PAGES],
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
          ...cover,
          new Paragraph({}),
          ...body,
          ...(rest ? [rest] : []),
        ],
      },
    ],
  });
  return repack(new Uint8Array(await Packer.toBuffer(document)), date);
}
