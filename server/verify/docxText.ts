import { SaxesParser } from "saxes";

/**
 * The text of a WordprocessingML body (word/document.xml), one string per paragraph, read
 * with a real XML parser: `w:t` runs joined within a `w:p`, `w:tab` as a tab, `w:br` and
 * `w:cr` as a line break. Text of tracked changes is kept and marked, the way the DOCX
 * export writes pending suggestions: `w:ins` → "[+…+]", `w:delText` (inside `w:del`) →
 * "[-…-]", so an edit inside a suggestion is listed like any other.
 */
export function docxParagraphs(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: false });
  const paragraphs: string[] = [];
  let current: string[] | null = null;
  let textDepth = 0;
  const push = (s: string) => current?.push(s);
  parser.on("opentag", (tag) => {
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
  parser.write(xml).close();
  return paragraphs;
}
