import type { ExportThread } from "./changes.ts";

/** What a format function takes besides the text and its meta. */
export interface ExportOptions {
  /** Comment threads, printed in an appendix "Kommentare"; none when absent or empty. */
  threads?: readonly ExportThread[];
  /** The document's language (BCP 47); de-CH when absent or malformed. */
  lang?: string | null;
}
