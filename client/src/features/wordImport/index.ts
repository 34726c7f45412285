// What the document list, the document page and the panels use from the Word import feature.
export { FileBackForm } from "./FileBackForm.tsx";
export { ImportWordForm } from "./ImportWordForm.tsx";
export { WordOriginNote } from "./WordOriginNote.tsx";
