import { ArchiveError, readZip } from "../../archive/readZip.ts";
import { DocxImportError } from "../imported.ts";
import type { XmlLimits } from "./xml.ts";

/** What a Word file from outside may hold before it is refused. */
export interface DocxLimits extends XmlLimits {
  /** Bytes of the file itself (the import route caps uploads at the same 50 MB). */
  maxBytes: number;
  /** Entries in the zip, read or not. */
  maxEntries: number;
  /** Inflated bytes of the parts read, together. */
  maxInflatedBytes: number;
}

/** Limits of `readDocx` when the caller gives none. */
export const DEFAULT_DOCX_LIMITS: DocxLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxEntries: 2000,
  maxInflatedBytes: 128 * 1024 * 1024,
  maxDepth: 100,
  maxAttributes: 256,
  maxElements: 1_000_000,
};

/** The parts of a package the reader uses; everything else is only counted by name. */
export const PARTS = {
  contentTypes: "[Content_Types].xml",
  document: "word/document.xml",
  documentRels: "word/_rels/document.xml.rels",
  styles: "word/styles.xml",
  numbering: "word/numbering.xml",
  comments: "word/comments.xml",
  commentsExtended: "word/commentsExtended.xml",
} as const;

const WANTED: ReadonlySet<string> = new Set(Object.values(PARTS));

/** The parts read from a DOCX, and the names of all its entries (headers and footers are counted by name). */
export interface DocxPackage {
  parts: Map<string, Uint8Array>;
  names: string[];
}

/**
 * Opens a DOCX with the bounded unzip: only the parts in `PARTS` are inflated, and the
 * archive's limits turn a zip bomb into "archive_too_large" before it fills the heap.
 * Refuses input over `maxBytes` ("file_too_large"), what is no zip ("not_docx") and a zip
 * without `[Content_Types].xml` or `word/document.xml` ("no_document").
 */
export async function openPackage(bytes: Uint8Array, limits: DocxLimits): Promise<DocxPackage> {
  if (bytes.byteLength > limits.maxBytes)
    throw new DocxImportError("file_too_large", `the file is larger than ${limits.maxBytes} bytes`);
  const names: string[] = [];
  let parts: Map<string, Uint8Array>;
  try {
    parts = await readZip(bytes, { maxEntries: limits.maxEntries, maxTotalBytes: limits.maxInflatedBytes }, (name) => {
      names.push(name);
      return WANTED.has(name);
    });
  } catch (err) {
    if (err instanceof ArchiveError)
      throw err.reason === "too_large"
        ? new DocxImportError("archive_too_large", err.message)
        : new DocxImportError("not_docx", err.message);
    throw err;
  }
  if (!parts.has(PARTS.contentTypes) || !parts.has(PARTS.document))
    throw new DocxImportError("no_document", "the archive holds no Word document (word/document.xml)");
  return { parts, names };
}
