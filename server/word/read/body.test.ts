import { getSchema, type JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { schemaExtensions } from "../../../shared/schema/extensions.ts";
import { withAllAccepted, withAllRejected } from "../../../shared/suggestions/outcomes.ts";
import { specDocx, wp, wr } from "../../../tests/helpers/wordFiles.ts";
import { readDocx } from "./index.ts";

const schema = getSchema(schemaExtensions());

const ins = (id: number, author: string, inner: string, date = "2024-06-01T08:00:00Z") =>
  `<w:ins w:id="${id}" w:author="${author}" w:date="${date}">${inner}</w:ins>`;
const del = (id: number, author: string, text: string) =>
  `<w:del w:id="${id}" w:author="${author}" w:date="2024-06-02T08:00:00Z"><w:r><w:delText xml:space="preserve">${text}</w:delText></w:r></w:del>`;

/** [text, mark types with revision ids] of every inline node of a document. */
function inline(doc: JSONContent): [string, string[]][] {
  const out: [string, string[]][] = [];
  const walk = (n: JSONContent) => {
    if (n.type === "text" || n.type === "hardBreak")
      out.push([
        n.type === "text" ? (n.text ?? "") : "<br>",
        (n.marks ?? []).map((m) => (m.attrs?.id ? `${m.type}:${m.attrs.id}` : (m.type ?? ""))),
      ]);
    for (const c of n.content ?? []) walk(c);
  };
  walk(doc);
  return out;
}

const texts = (doc: JSONContent) => {
  const node = schema.nodeFromJSON(doc);
  const blocks = (n: typeof node) => {
    const out: string[] = [];
    n.descendants((b) => {
      if (b.isTextblock) out.push(b.textContent);
      return !b.isTextblock;
    });
    return out;
  };
  return { accepted: blocks(withAllAccepted(node)), rejected: blocks(withAllRejected(node)) };
};

describe("body: tracked changes", () => {
  it("keeps one revision for a w:ins split with a repeated w:id, and separates a reused id of another author", async () => {
    const body =
      wp(wr("A ") + ins(5, "Eva", wr("neu"))) +
      wp(ins(5, "Eva", wr("weiter"))) +
      wp(ins(5, "Fritz", wr("fremd"), "2024-07-01T08:00:00Z"));
    const { doc, revisions, report } = await readDocx(specDocx({ body }));
    expect(inline(doc)).toEqual([
      ["A ", []],
      ["neu", ["insertion:w:5"]],
      ["weiter", ["insertion:w:5"]],
      ["fremd", ["insertion:w:5.1"]],
    ]);
    expect(revisions).toEqual({
      "w:5": { author: "Eva", date: "2024-06-01T08:00:00Z" },
      "w:5.1": { author: "Fritz", date: "2024-07-01T08:00:00Z" },
    });
    expect(report.imported.insertions).toBe(2);
  });

  it("anchors paragraph-mark insertions and deletions so that accept and reject all read as in Word", async () => {
    const markIns = '<w:rPr><w:ins w:id="1" w:author="Eva" w:date="2024-06-01T08:00:00Z"/></w:rPr>';
    const markDel = '<w:rPr><w:del w:id="2" w:author="Eva" w:date="2024-06-01T08:00:00Z"/></w:rPr>';
    const body =
      wp(wr("Vor der Teilung"), markIns) + // Enter pressed with tracking on: the mark is new
      wp(wr("nach der Teilung")) +
      wp(wr("Erster "), markDel) + // a join: the mark between the two is deleted
      wp(wr("Zweiter"));
    const { doc } = await readDocx(specDocx({ body }));
    expect(texts(doc)).toEqual({
      accepted: ["Vor der Teilung", "nach der Teilung", "Erster Zweiter"],
      rejected: ["Vor der Teilungnach der Teilung", "Erster ", "Zweiter"],
    });
  });

  it("drops a paragraph-mark anchor with no paragraph after it (end of the body, before a table) and counts it", async () => {
    const markIns = '<w:rPr><w:ins w:id="1" w:author="Eva" w:date="2024-06-01T08:00:00Z"/></w:rPr>';
    const body =
      wp(wr("vor der Tabelle"), markIns) +
      `<w:tbl><w:tr><w:tc>${wp(wr("Zelle"), markIns)}</w:tc></w:tr></w:tbl>` +
      wp(wr("zuletzt"), markIns);
    const { doc, report, revisions } = await readDocx(specDocx({ body }));
    expect(JSON.stringify(doc)).not.toContain("\u200B");
    expect(revisions).toEqual({});
    expect(report.skipped.other).toBe(3);
  });

  it("strips zero-width spaces from Word's text, so only a real paragraph-mark revision makes an anchor", async () => {
    // A forged "anchor": an inserted ZWSP at a paragraph's end and the next one's start, with no mark revision.
    const body = wp(wr("Erster") + ins(1, "Eva", wr("\u200B"))) + wp(ins(1, "Eva", wr("\u200B")) + wr("Zweiter"));
    const { doc, revisions } = await readDocx(specDocx({ body }));
    expect(JSON.stringify(doc)).not.toContain("\u200B");
    expect(revisions).toEqual({});
    expect(texts(doc).rejected).toEqual(["Erster", "Zweiter"]);
  });

  it("treats w:moveFrom as a deletion and w:moveTo as an insertion, and counts the moves", async () => {
    const body =
      wp(
        `<w:moveFrom w:id="3" w:author="Eva" w:date="2024-06-01T08:00:00Z">${wr("wandert")}</w:moveFrom>${wr("bleibt")}`,
      ) +
      wp(`${wr("hier ")}<w:moveTo w:id="4" w:author="Eva" w:date="2024-06-01T08:00:00Z">${wr("wandert")}</w:moveTo>`);
    const { doc, report } = await readDocx(specDocx({ body }));
    expect(texts(doc)).toEqual({ accepted: ["bleibt", "hier wandert"], rejected: ["wandertbleibt", "hier "] });
    expect(report.skipped.moves).toBe(2);
    expect(report.imported).toMatchObject({ insertions: 1, deletions: 1 });
  });

  it("drops text inserted and then deleted (in neither outcome) and counts it", async () => {
    const body = wp(wr("a") + ins(1, "Eva", del(2, "Fritz", "kurzlebig")) + wr("b"));
    const { doc, report, revisions } = await readDocx(specDocx({ body }));
    expect(inline(doc)).toEqual([["ab", []]]);
    expect(revisions).toEqual({});
    expect(report.skipped.other).toBe(1);
  });

  it("keeps the new formatting of a w:rPrChange and counts the format change", async () => {
    const body = wp(
      '<w:r><w:rPr><w:b/><w:rPrChange w:id="9" w:author="Eva" w:date="2024-06-01T08:00:00Z"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>jetzt fett</w:t></w:r>',
      '<w:pPrChange w:id="10" w:author="Eva"><w:pPr/></w:pPrChange>',
    );
    const { doc, report } = await readDocx(specDocx({ body }));
    expect(inline(doc)).toEqual([["jetzt fett", ["bold"]]]);
    expect(report.skipped.formatChanges).toBe(2);
  });

  it("marks deleted text inside a table cell and a list item", async () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const body =
      `<w:tbl><w:tr><w:tc>${wp(wr("Zelle ") + del(1, "Eva", "weg"))}</w:tc></w:tr></w:tbl>` +
      wp(wr("Punkt ") + del(2, "Eva", "weg"), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');
    const { doc } = await readDocx(specDocx({ body, numbering }));
    expect(texts(doc)).toEqual({ accepted: ["Zelle ", "Punkt "], rejected: ["Zelle weg", "Punkt weg"] });
  });
});

describe("body: text, links, tables", () => {
  it("reads breaks and tabs, and a link only with a safe target", async () => {
    const rel = (id: string, target: string) =>
      `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="${target}" TargetMode="External"/>`;
    const body = wp(
      `${wr("a")}<w:r><w:br/><w:tab/><w:t>b</w:t><w:cr/><w:br w:type="page"/></w:r>` +
        `<w:hyperlink r:id="rGood">${wr("gut")}</w:hyperlink>` +
        `<w:hyperlink r:id="rBad">${wr("böse")}</w:hyperlink>` +
        `<w:hyperlink r:id="rFile">${wr("datei")}</w:hyperlink>` +
        `<w:hyperlink w:anchor="Sprungmarke">${wr("intern")}</w:hyperlink>`,
    );
    const relationships =
      rel("rGood", "mailto:info@example.ch") + rel("rBad", "javascript:alert(1)") + rel("rFile", "file:///etc/passwd");
    const { doc, report } = await readDocx(specDocx({ body, relationships }));
    expect(inline(doc)).toEqual([
      ["a", []],
      ["<br>", []],
      ["\tb", []],
      ["<br>", []],
      ["gut", ["link"]],
      ["bösedateiintern", []],
    ]);
    expect(JSON.stringify(doc)).not.toMatch(/javascript|file:/);
    expect(report.imported.links).toBe(1);
  });

  it("reads through Word's bookkeeping: rsids, proofing marks, bookmarks, content controls, smart tags", async () => {
    const body =
      '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr><w:sdtContent>' +
      wp(wr("Inhalt")) +
      "</w:sdtContent></w:sdt>" +
      '<w:p w14:paraId="1A2B3C4D" w:rsidR="00AB12CD" w:rsidRDefault="00AB12CD"><w:pPr><w:spacing w:after="120"/></w:pPr>' +
      '<w:bookmarkStart w:id="0" w:name="_Toc1"/><w:proofErr w:type="spellStart"/>' +
      '<w:r w:rsidRPr="00FF0000"><w:lastRenderedPageBreak/><w:t>Wort</w:t></w:r><w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/>' +
      `<w:smartTag w:uri="urn:x" w:element="place">${wr(" Bern")}</w:smartTag>` +
      `<w:sdt><w:sdtContent>${wr(" Feld")}</w:sdtContent></w:sdt>` +
      "</w:p>";
    const { doc, report } = await readDocx(specDocx({ body }));
    expect(inline(doc)).toEqual([
      ["Inhalt", []],
      ["Wort Bern Feld", []],
    ]);
    expect(report.skipped).toEqual({});
  });

  it("leaves hidden text out and counts it", async () => {
    const body = wp(wr("sichtbar ") + wr("verborgen", "<w:vanish/>") + wr("auch", '<w:vanish w:val="0"/>'));
    const { doc, report } = await readDocx(specDocx({ body }));
    expect(inline(doc)).toEqual([["sichtbar auch", []]]);
    expect(report.skipped.other).toBe(1);
  });

  it("reads vertical and horizontal merges, gives an empty cell a paragraph, and bounds spans", async () => {
    const cell = (inner: string, tcPr = "") => `<w:tc><w:tcPr>${tcPr}</w:tcPr>${inner}</w:tc>`;
    const body =
      "<w:tbl>" +
      `<w:tr><w:trPr><w:tblHeader/></w:trPr>${cell(wp(wr("K", "<w:b/>")), '<w:gridSpan w:val="2"/>')}${cell(wp(wr("Z")), '<w:vMerge w:val="restart"/>')}</w:tr>` +
      `<w:tr>${cell("")}${cell(wp(""))}${cell(wp(""), "<w:vMerge/>")}</w:tr>` +
      `<w:tr>${cell(wp(wr("breit")), '<w:gridSpan w:val="5000"/>')}</w:tr>` +
      "</w:tbl>";
    const { doc, report } = await readDocx(specDocx({ body }));
    // A header row's bold is its look (header cells are shown bold), not a mark.
    expect(inline(doc).find(([text]) => text === "K")).toEqual(["K", []]);
    const rows = doc.content?.[0]?.content ?? [];
    expect(
      rows.map((r) => (r.content ?? []).map((c) => [c.type, c.attrs?.colspan, c.attrs?.rowspan, c.content?.[0]?.type])),
    ).toEqual([
      [
        ["tableHeader", 2, 1, "paragraph"],
        ["tableHeader", 1, 2, "paragraph"],
      ],
      [
        ["tableCell", 1, 1, "paragraph"],
        ["tableCell", 1, 1, "paragraph"],
      ],
      [["tableCell", 100, 1, "paragraph"]],
    ]);
    expect(report.skipped.mergedCells).toBe(1);
  });
});

describe("body: the report of what is not imported", () => {
  it("counts images, footnotes, endnotes, fields (keeping their result), text boxes and headers/footers", async () => {
    const drawing = '<w:r><w:drawing><wp:inline><wp:extent cx="1" cy="1"/></wp:inline></w:drawing></w:r>';
    const textBox =
      '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><wps:txbx><w:txbxContent>' +
      wp(wr("im Kasten")) +
      "</w:txbxContent></wps:txbx></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent>" +
      wp(wr("im Kasten")) +
      "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>";
    const body =
      wp(`${wr("Bild") + drawing}<w:r><w:pict><v:shape id="x"/></w:pict></w:r>`) +
      wp(`${wr("Fuss")}<w:r><w:footnoteReference w:id="1"/></w:r><w:r><w:endnoteReference w:id="2"/></w:r>`) +
      wp(`<w:fldSimple w:instr=" DATE ">${wr("1. Januar 2024")}</w:fldSimple>`) +
      wp(
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>' +
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          wr("7") +
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      ) +
      wp(wr("Kasten") + textBox);
    const extra = { "word/header1.xml": "<w:hdr/>", "word/footer1.xml": "<w:ftr/>", "word/footer2.xml": "<w:ftr/>" };
    const { doc, report } = await readDocx(specDocx({ body, extra }));
    expect(texts(doc).accepted).toEqual(["Bild", "Fuss", "1. Januar 2024", "7", "Kasten"]);
    expect(report.skipped).toEqual({
      images: 2,
      footnotes: 1,
      endnotes: 1,
      fields: 2,
      textBoxes: 1,
      headersFooters: 3,
    });
  });
});
