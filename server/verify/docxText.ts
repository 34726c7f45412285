import { setImmediate as yieldToLoop } from "node:timers/promises";
import { SaxesParser } from "saxes";

/**
 * Deepest element nesting read. WordprocessingML written by Accord's export stays far below
 * (body, table, row, cell, paragraph, run, text); saxes keeps one object per open element,
 * so a body of millions of unclosed tags would otherwise take gigabytes.
 */
export const MAX_XML_DEPTH = 64;
/** Most attributes on one element (Word's root carries a few dozen namespace declarations). */
export const MAX_XML_ATTRIBUTES = 256;
/** Bytes decoded and parsed per turn of the event loop: a large body never blocks other requests for long. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The text of a WordprocessingML body (word/document.xml, UTF-8), one string per paragraph, read
 * with a real XML parser: `w:t` runs joined within a `w:p`, `w:tab` as a tab, `w:br` and
 * `w:cr` as a line break. Text of tracked changes is kept and marked, the way the DOCX
 * export writes pending suggestions: `w:ins` → "[+…+]", `w:delText` (inside `w:del`) →
 * "[-…-]", so an edit inside a suggestion is listed like any other.
 *
 * Throws on XML that is not well-formed, nested deeper than `MAX_XML_DEPTH` or with more than
 * `MAX_XML_ATTRIBUTES` attributes on an element; parses in
 * chunks, yielding to the event loop between them.
 */
export async function docxParagraphs(xml: Uint8Array): Promise<string[]> {
  const parser = new SaxesParser({ xmlns: false });
  const paragraphs: string[] = [];
  let current: string[] | null = null;
  let textDepth = 0;
  let depth = 0;
  let attributes = 0;
  const push = (s: string) => current?.push(s);
  parser.on("opentagstart", () => {
    attributes = 0;
  });
  parser.on("attribute", () => {
    if (++attributes > MAX_XML_ATTRIBUTES)
      throw new Error(`an element with more than ${MAX_XML_ATTRIBUTES} attributes`);
  });
  parser.on("opentag", (tag) => {
    if (!tag.isSelfClosing && ++depth > MAX_XML_DEPTH)
      throw new Error(`elements nested deeper than ${MAX_XML_DEPTH} levels`);
    switch (tag.name) {
      case "w:p":
        current = [];
        break;
      case "w:t":
        textDepth++;
        break;
      case "w:delText":
        textDepth++;
        push("[-");
        break;
      case "w:ins":
        push("[+");
        break;
      case "w:tab":
        push("\t");
        break;
      case "w:br":
      case "w:cr":
        push("\n");
        break;
    }
  });
  parser.on("closetag", (tag) => {
    if (!tag.isSelfClosing) depth--;
    switch (tag.name) {
      case "w:p":
        if (current) paragraphs.push(current.join("").replace(/\[\+\+\]|\[--\]/g, ""));
        current = null;
        break;
      case "w:t":
        textDepth--;
        break;
      case "w:delText":
        textDepth--;
        push("-]");
        break;
      case "w:ins":
        push("+]");
        break;
    }
  });
  parser.on("text", (text) => {
    if (textDepth > 0) push(text);
  });
  // Decoded chunk by chunk too: the body is never held as one string.
  const decoder = new TextDecoder("utf-8");
  for (let at = 0; at < xml.byteLength; at += CHUNK_BYTES) {
    if (at > 0) await yieldToLoop();
    parser.write(decoder.decode(xml.subarray(at, at + CHUNK_BYTES), { stream: true }));
  }
  parser.write(decoder.decode()).close();
  return paragraphs;
}
