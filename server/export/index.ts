import type { JSONContent } from "@tiptap/core";
import type { Attribution } from "./changes.ts";
import { docxOf } from "./docx/index.ts";
import { gridSummaryLines } from "./gridSummary.ts";
import { htmlPage } from "./html.ts";
import { markdownOf } from "./markdown.ts";
import { type ExportMeta, oneLine, printableMeta } from "./meta.ts";
import type { ExportOptions } from "./options.ts";
import { pdfOf } from "./pdf.ts";
import { redlineForHtml } from "./redlineHtml.ts";
import { zipDeterministic } from "./zipDeterministic.ts";

export type { ExportMeta } from "./meta.ts";
export type { ExportOptions } from "./options.ts";

export const EXPORT_FORMATS = ["docx", "pdf", "html", "md", "zip"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const REDLINE_FORMATS = ["docx", "html"] as const;
export type RedlineFormat = (typeof REDLINE_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat, string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
  html: "text/html; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  zip: "application/zip",
};

export const contentTypeOf = (format: ExportFormat) => CONTENT_TYPES[format];

/** A download name: the title in ASCII, the version, the format's extension. */
export function fileNameOf(meta: ExportMeta, format: ExportFormat, suffix = ""): string {
  const slug = meta.title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 60);
  const version = meta.draft ? "entwurf" : `v${meta.seq ?? ""}`;
  return `${slug || "dokument"}-${version}${suffix}.${format}`;
}

const text = (s: string) => new TextEncoder().encode(s);

/** One document in one format. */
export async function exportDocument(
  format: Exclude<ExportFormat, "zip">,
  doc: JSONContent,
  meta: ExportMeta,
  options: ExportOptions = {},
): Promise<Uint8Array> {
  // The grids' totals and checks are computed here, from the text being exported, so every format prints the same.
  meta = { ...printableMeta(meta), grids: gridSummaryLines(doc) };
  switch (format) {
    case "docx":
      return docxOf(doc, meta, options);
    case "pdf":
      return pdfOf(doc, meta, meta.title, options);
    case "html":
      return text(htmlPage(doc, meta, meta.title, options));
    case "md":
      return text(markdownOf(doc, meta, options));
  }
}

/**
 * The archive bundle of a version: PDF, DOCX, manifest.json and the exact bytes its hashes
 * are computed from, in one zip. Deterministic: every entry carries `mtime` (the freeze),
 * never the time of the export, and entries keep the order given.
 */
export function archiveBundle(input: {
  pdf: Uint8Array;
  docx: Uint8Array;
  files: Record<string, Uint8Array>;
  manifest: unknown;
  mtime: string;
}): Uint8Array {
  return zipDeterministic(
    {
      "document.pdf": input.pdf,
      "document.docx": input.docx,
      "manifest.json": text(`${JSON.stringify(input.manifest, null, 2)}\n`),
      ...input.files,
    },
    input.mtime,
    (name) => (name.endsWith(".pdf") || name.endsWith(".docx") ? 0 : 6),
  );
}

/**
 * A redline (shared/versions/redline.ts) as Word tracked changes or as an HTML page, each
 * change under the person and time `attribution` gives for its mark id.
 */
export async function exportRedline(
  format: RedlineFormat,
  red: { doc: JSONContent; attribution: Attribution },
  meta: ExportMeta,
  heading: string,
): Promise<Uint8Array> {
  [meta, heading] = [printableMeta(meta), oneLine(heading)];
  if (format === "docx") return docxOf(red.doc, meta, { attribution: red.attribution, heading });
  return text(htmlPage(redlineForHtml(red.doc, red.attribution), meta, heading));
}
