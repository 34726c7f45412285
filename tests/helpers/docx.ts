import { strFromU8, unzipSync } from "fflate";

/** The XML of a DOCX's body (`word/document.xml`); fails when the file is no DOCX. */
export function docxXml(bytes: Uint8Array): string {
  const xml = unzipSync(bytes)["word/document.xml"];
  if (!xml) throw new Error("no word/document.xml: not a DOCX");
  return strFromU8(xml);
}

/** A DOCX's paragraphs as text: every `w:t` of a `w:p` joined, as Word shows them. */
export function docxParagraphs(bytes: Uint8Array): string[] {
  return [...docxXml(bytes).matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""),
  );
}
