import type { DocxReader } from "./importDocument.ts";
import { DocxImportError } from "./imported.ts";

/**
 * The Word reader the import routes use: `readDocx` from server/word/read (branch
 * word-read). Until that lands, every file is refused as unreadable, so nothing is created.
 */
export const readDocx: DocxReader = async () => {
  throw new DocxImportError("not_docx", "the Word reader is not available in this build");
};
