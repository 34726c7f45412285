import { describe, expect, it } from "vitest";
import { docxParagraphs } from "./docxText.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe("docxParagraphs", () => {
  it("joins the runs of a paragraph and honours tabs and breaks", () => {
    const xml = `<w:document ${W}><w:body>
      <w:p><w:r><w:t>CHF </w:t></w:r><w:r><w:t xml:space="preserve">1'050'000</w:t><w:tab/><w:t>Total</w:t></w:r></w:p>
      <w:p><w:r><w:t>a</w:t><w:br/><w:t>b</w:t></w:r></w:p>
    </w:body></w:document>`;
    expect(docxParagraphs(xml)).toEqual(["CHF 1'050'000\tTotal", "a\nb"]);
  });

  it("marks tracked insertions and deletions as the export writes pending suggestions", () => {
    const xml = `<w:document ${W}><w:body><w:p>
      <w:r><w:t>Betrag </w:t></w:r>
      <w:ins w:id="1" w:author="Claire"><w:r><w:t>neu</w:t></w:r></w:ins>
      <w:del w:id="2" w:author="Claire"><w:r><w:delText>alt</w:delText></w:r></w:del>
    </w:p></w:body></w:document>`;
    expect(docxParagraphs(xml)).toEqual(["Betrag [+neu+][-alt-]"]);
  });

  it("decodes entities and ignores text outside w:t (instructions, properties)", () => {
    const xml = `<w:document ${W}><w:body><w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:instrText>PAGE</w:instrText><w:t>A &amp; B &lt;C&gt;</w:t></w:r></w:p></w:body></w:document>`;
    expect(docxParagraphs(xml)).toEqual(["A & B <C>"]);
  });

  it("throws on XML that is not well-formed", () => {
    expect(() => docxParagraphs(`<w:document ${W}><w:p><w:t>x</w:p>`)).toThrow();
  });
});
