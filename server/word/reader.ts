import type { DocxReader } from "./importDocument.ts";
import { readDocx as readOoxml } from "./read/index.ts";

/**
 * The Word reader the import routes use: server/word/read with its default limits (50 MB,
 * entries, inflated bytes, XML depth), which throws `DocxImportError` for a bad file.
 */
export const readDocx: DocxReader = (bytes) => readOoxml(bytes);
