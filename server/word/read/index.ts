/** The OOXML reader: `readDocx` turns a Word file from outside into ImportedDocx (server/word/imported.ts). */
export type { DocxLimits } from "./package.ts";
export { DEFAULT_DOCX_LIMITS } from "./package.ts";
export { readDocx } from "./readDocx.ts";
