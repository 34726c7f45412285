import type { Attribution, ExportThread } from "./changes.ts";

/** What a format function takes besides the text and its meta. */
export interface ExportOptions {
  /**
   * Comment threads, printed in an appendix "Kommentare" (DOCX: as Word comments); none when
   * absent or empty, or when the export is asked without comments (`?comments=false`).
   */
  threads?: readonly ExportThread[];
  /** The document's language (BCP 47); de-CH when absent or malformed. */
  lang?: string | null;
  /** Who made each change mark and when (DOCX: the tracked changes' author and date). */
  attribution?: Attribution;
  /** DOCX core properties: who created the document and who last changed this text. */
  creator?: string;
  lastEditor?: string;
}
