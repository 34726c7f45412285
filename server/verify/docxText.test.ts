import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { docxParagraphs as paragraphsOfBytes } from "./docxText.ts";

const docxParagraphs = (xml: string) => paragraphsOfBytes(strToU8(xml));

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe("docxParagraphs", async () => {
  it("joins the runs of a paragraph and honours tabs and breaks", async () => {
    const xml = `<w:document ${W}><w:body>
      <w:p><w:r><w:t>CHF </w:t></w:r><w:r><w:t xml:space="preserve">1'050'000</w:t><w:tab/><w:t>Total</w:t></w:r></w:p>
      <w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>
    </w:body></w:document>`;
    expect(await docxParagraphs(xml)).toEqual(["CHF 1'050'000\tTotal", "a\nb"]);
  });

  it("marks tracked insertions and deletions as the export writes pending suggestions", async () => {
    const xml = `<w:document ${W}><w:body><w:p>
      <w:r><w:t>Betrag </w:t></w:r>
      <w:ins w:id="1" w:author="Claire"><w:r><w:t>neu</w:t></w:r></w:ins>
      <w:del w:id="2" w:author="Claire"><w:r><w:delText>alt</w:delText></w:r></w:del>
    </w:p></w:body></w:document>`;
    expect(await docxParagraphs(xml)).toEqual(["Betrag [+neu+][-alt-]"]);
  });

  it("decodes entities and ignores text outside w:t (instructions, properties)", async () => {
    const xml = `<w:document ${W}><w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:instrText>PAGE</w:instrText><w:t>A &amp; B &lt;C&gt;</w:t></w:r></w:p></w:body></w:document>`;
    expect(await docxParagraphs(xml)).toEqual(["A & B <C>"]);
  });

  it("throws on XML that is not well-formed", async () => {
    await expect(docxParagraphs(`<w:document ${W}><w:p><w:t>x</w:p>`)).rejects.toThrow();
  });

  it("reads 64 levels of nesting and refuses 65, before the rest of the body is parsed", async () => {
    const nested = (n: number) => `${"<a>".repeat(n)}${"</a>".repeat(n)}`;
    expect(await docxParagraphs(nested(64))).toEqual([]);
    await expect(docxParagraphs(nested(65))).rejects.toThrow(/nested deeper than 64/);
    // Self-closing elements do not nest.
    expect(await docxParagraphs(`${"<a>".repeat(63)}${"<b/>".repeat(1000)}${"</a>".repeat(63)}`)).toEqual([]);
  });

  it("refuses an element with more than 256 attributes", async () => {
    const attrs = (n: number) => Array.from({ length: n }, (_, i) => `a${i}=""`).join(" ");
    expect(await docxParagraphs(`<a ${attrs(256)}/>`)).toEqual([]);
    await expect(docxParagraphs(`<a ${attrs(257)}/>`)).rejects.toThrow(/more than 256 attributes/);
  });

  it("reads a body larger than one chunk, text split across chunks included", async () => {
    const text = "Zürich ".repeat(20_000); // 140 000 characters: three chunks
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p><w:p><w:r><w:t>Ende</w:t></w:r></w:p></w:body></w:document>`;
    expect(await docxParagraphs(xml)).toEqual([text, "Ende"]);
  });
});
