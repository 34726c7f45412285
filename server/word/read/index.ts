export type { DocxLimits } from "./package.ts";
export { DEFAULT_DOCX_LIMITS } from "./package.ts";
export { readDocx } from "./readDocx.ts";
