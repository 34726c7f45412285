import type { JSONContent } from "@tiptap/core";

/**
 * What a Word file holds, read into Accord's document model (the shared schema) with
 * everything that could not be kept counted in `report`. Produced by `readDocx`
 * (server/word/read), consumed by the import routes, which give the tracked changes
 * suggestion ids of the importing user and record each one's Word origin.
 *
 * Conventions of `doc` (the same the suggestion library and the server's rule use):
 * - a tracked insertion or deletion is an inline `insertion` / `deletion` mark whose
 *   `attrs.id` is a key of `revisions` (e.g. "w:12"), never an Accord suggestion id;
 * - a paragraph mark inserted (Word's `w:pPr/w:rPr/w:ins`: a split, a new paragraph) is a
 *   zero-width space "\u200B" carrying the insertion mark at the end of the block before
 *   the boundary and one at the start of the block after it, with the same id; a deleted
 *   paragraph mark (a join) is the same with `deletion` marks. A block boundary that sits
 *   between two characters of one suggestion belongs to that suggestion.
 * - so `withAllAccepted(doc)` reads as Word's Accept All and `withAllRejected(doc)` as its
 *   Reject All (shared/suggestions/outcomes.ts).
 */
export interface ImportedDocx {
  doc: JSONContent;
  /** Word's tracked changes by the mark id used in `doc`. */
  revisions: Record<string, WordAuthorship>;
  /** Comment threads in document order: a root comment with its replies. */
  threads: ImportedThread[];
  /** The document's language as BCP 47 (from the default run style's `w:lang`), if any. */
  language: string | null;
  report: ImportReport;
}

/** Author and date as Word recorded them. */
export interface WordAuthorship {
  author: string;
  /** ISO 8601 as written in the file, or null when it has none. */
  date: string | null;
}

export interface ImportedComment extends WordAuthorship {
  /** The comment's `w:id` in comments.xml. */
  wordId: string;
  text: string;
}

export interface ImportedThread extends ImportedComment {
  replies: ImportedComment[];
  resolved: boolean;
  /** The anchored passage as ProseMirror positions in `doc`; null when the file gives no range. */
  range: { from: number; to: number } | null;
}

/** What was kept and, by kind and count, what was not. Nothing is dropped without a count here. */
export interface ImportReport {
  imported: {
    paragraphs: number;
    headings: number;
    listItems: number;
    tables: number;
    links: number;
    insertions: number;
    deletions: number;
    threads: number;
    replies: number;
  };
  /** Kinds not carried over, e.g. images, footnotes, fields, textBoxes, headersFooters, formatChanges, moves. */
  skipped: Partial<Record<SkippedKind, number>>;
}

export type SkippedKind =
  | "images"
  | "footnotes"
  | "endnotes"
  | "fields"
  | "textBoxes"
  | "headersFooters"
  | "formatChanges"
  | "moves"
  | "mergedCells"
  | "other";

/** Why a file could not be read; each code has a message in the UI's four languages. */
export type DocxImportProblem =
  | "not_docx"
  | "file_too_large"
  | "archive_too_large"
  | "no_document"
  | "malformed_xml"
  | "too_complex";

export class DocxImportError extends Error {
  constructor(
    readonly problem: DocxImportProblem,
    message: string,
  ) {
    super(message);
  }
}
