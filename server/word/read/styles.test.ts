import { describe, expect, it } from "vitest";
import { specDocx, wp, wr } from "../../../tests/helpers/wordFiles.ts";
import { readDocx } from "./index.ts";

const style = (id: string, name: string, inner = "", basedOn?: string) =>
  `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/>${basedOn ? `<w:basedOn w:val="${basedOn}"/>` : ""}${inner}</w:style>`;

const blocks = async (styles: string, body: string) => {
  const { doc, language } = await readDocx(specDocx({ styles, body }));
  return { language, blocks: (doc.content ?? []).map((b) => [b.type, b.attrs?.level ?? null, b.content?.[0]?.text]) };
};

describe("styles: headings by outline level, run formatting, language", () => {
  it("takes headings from outline levels and Word's built-in heading styles, not from names like them", async () => {
    const styles =
      style("Title", "Title", '<w:pPr><w:jc w:val="center"/></w:pPr>') +
      style("Heading1", "heading 1") + // Word's built-in heading: its level needs no w:outlineLvl
      style("Ueberschrift", "Überschrift 1") + // a custom name that only reads like one
      style("Kapitel", "Kapitel", '<w:pPr><w:outlineLvl w:val="0"/></w:pPr>') +
      style("Unterkapitel", "Unterkapitel", "", "Kapitel") +
      style("Tief", "Tief", '<w:pPr><w:outlineLvl w:val="7"/></w:pPr>') +
      style("Textkoerper", "Body", '<w:pPr><w:outlineLvl w:val="9"/></w:pPr>', "Kapitel");
    const body = [
      wp(wr("Titel"), '<w:pStyle w:val="Title"/>'),
      wp(wr("Eingebaut"), '<w:pStyle w:val="Heading1"/>'),
      wp(wr("Name allein"), '<w:pStyle w:val="Ueberschrift"/>'),
      wp(wr("Eins"), '<w:pStyle w:val="Kapitel"/>'),
      wp(wr("Geerbt"), '<w:pStyle w:val="Unterkapitel"/>'),
      wp(wr("Direkt"), '<w:outlineLvl w:val="1"/>'),
      wp(wr("Tief"), '<w:pStyle w:val="Tief"/>'),
      wp(wr("Text"), '<w:pStyle w:val="Textkoerper"/>'),
      wp(wr("Direkt aufgehoben"), '<w:pStyle w:val="Kapitel"/><w:outlineLvl w:val="9"/>'),
    ].join("");
    expect((await blocks(styles, body)).blocks).toEqual([
      ["paragraph", null, "Titel"],
      ["heading", 1, "Eingebaut"],
      ["paragraph", null, "Name allein"],
      ["heading", 1, "Eins"],
      ["heading", 1, "Geerbt"],
      ["heading", 2, "Direkt"],
      // Outline level 8 (0-based 7) is deeper than the schema's six levels: clamped.
      ["heading", 6, "Tief"],
      ["paragraph", null, "Text"],
      ["paragraph", null, "Direkt aufgehoben"],
    ]);
  });

  it("ends a basedOn loop instead of hanging", async () => {
    const styles = style("A", "A", "", "B") + style("B", "B", "", "A");
    expect((await blocks(styles, wp(wr("x"), '<w:pStyle w:val="A"/>'))).blocks).toEqual([["paragraph", null, "x"]]);
  });

  it("reads run formatting with w:val off values and formatting inherited from styles", async () => {
    const styles =
      '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>' +
      style("Betont", "Betont", "<w:rPr><w:i/></w:rPr>");
    const body = wp(
      wr("fett", "<w:b/>") +
        wr("nicht fett", '<w:b w:val="0"/>') +
        wr("auch nicht", '<w:b w:val="false"/><w:i w:val="off"/>') +
        wr("stil", '<w:rStyle w:val="Strong"/>') +
        wr("stil aus", '<w:rStyle w:val="Strong"/><w:b w:val="0"/>') +
        wr("unter", '<w:u w:val="single"/>') +
        wr("kein unter", '<w:u w:val="none"/>') +
        wr("doppelt", "<w:dstrike/>"),
    );
    const inherited = wp(wr("kursiv geerbt") + wr("gerade", '<w:i w:val="0"/>'), '<w:pStyle w:val="Betont"/>');
    const { doc } = await readDocx(specDocx({ styles, body: body + inherited }));
    const runs = (doc.content ?? [])
      .flatMap((p) => p.content ?? [])
      .map((t) => [t.text, (t.marks ?? []).map((m) => m.type)]);
    expect(runs).toEqual([
      ["fett", ["bold"]],
      ["nicht fettauch nicht", []],
      ["stil", ["bold"]],
      ["stil aus", []],
      ["unter", ["underline"]],
      ["kein unter", []],
      ["doppelt", ["strike"]],
      ["kursiv geerbt", ["italic"]],
      ["gerade", []],
    ]);
  });

  it("reads the language from w:docDefaults and refuses one that is no language tag", async () => {
    const defaults = (lang: string) =>
      `<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="${lang}"/></w:rPr></w:rPrDefault></w:docDefaults>`;
    expect((await blocks(defaults("fr-CH"), wp(wr("x")))).language).toBe("fr-CH");
    expect((await blocks(defaults("x&quot;&gt;&lt;script&gt;"), wp(wr("x")))).language).toBeNull();
    expect((await blocks("", wp(wr("x")))).language).toBeNull();
  });
});
