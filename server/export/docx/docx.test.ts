import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { all, docxParts, first, textOf, type XmlElement } from "../../../tests/helpers/xmlTree.ts";
import type { Attribution, ExportThread } from "../changes.ts";
import type { ExportMeta } from "../meta.ts";
import { TEXT_WIDTH_TWIPS } from "./columns.ts";
import { docxOf } from "./index.ts";

const META: ExportMeta = {
  title: "KIP 3 Solothurn",
  documentId: "d1",
  kindLabel: "Programmvereinbarung",
  milestone: "Genehmigung",
  versionId: "v1",
  seq: 3,
  contentHash: "a".repeat(64),
  chainHash: "b".repeat(64),
  frozenAt: "2026-11-28T10:00:00.000Z",
  frozenBy: "Andrea Meier",
  draft: false,
  approvals: [],
};

const text = (t: string, marks?: JSONContent["marks"]): JSONContent => ({
  type: "text",
  text: t,
  ...(marks ? { marks } : {}),
});
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const h = (level: number, t: string): JSONContent => ({ type: "heading", attrs: { level }, content: [text(t)] });
const item = (t: string, nested?: JSONContent): JSONContent => ({
  type: "listItem",
  content: [p(text(t)), ...(nested ? [nested] : [])],
});
const ordered = (start: number, ...items: JSONContent[]): JSONContent => ({
  type: "orderedList",
  attrs: { start },
  content: items,
});
const cell = (type: "tableCell" | "tableHeader", t: string): JSONContent => ({
  type,
  attrs: { colspan: 1, rowspan: 1, colwidth: null },
  content: [p(text(t))],
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

const attr = (el: XmlElement | undefined, name: string) => el?.attributes[name];
const val = (el: XmlElement | undefined) => attr(el, "w:val");

describe("the DOCX layout", () => {
  const layout = doc(
    h(1, "Ausgangslage"),
    p(text("Text.")),
    h(3, "Unterabschnitt"),
    ordered(1, item("eins"), item("zwei", { type: "bulletList", content: [item("innen")] })),
    p(text("Zwischentext")),
    ordered(3, item("drei"), item("vier")),
    {
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "Förderbereich"), cell("tableHeader", "Wirkungsziel")] },
        {
          type: "tableRow",
          content: [
            cell("tableCell", "A"),
            cell("tableCell", "Migrantinnen und Migranten kennen die Angebote der Regelstrukturen und nutzen sie."),
          ],
        },
      ],
    },
  );

  it("has heading styles with outline levels, the document language, a common font and paragraph spacing", async () => {
    const parts = docxParts(await docxOf(layout, META, { creator: "Beat Keller", lastEditor: "Andrea Meier" }));
    const styles = parts["word/styles.xml"] as XmlElement;
    for (let level = 1; level <= 6; level++) {
      const style = all(styles, "w:style").find((s) => attr(s, "w:styleId") === `Heading${level}`);
      expect(val(first(style as XmlElement, "w:outlineLvl")), `Heading${level}`).toBe(String(level - 1));
    }
    const defaults = first(styles, "w:docDefaults") as XmlElement;
    expect(val(first(defaults, "w:lang"))).toBe("de-CH");
    expect(attr(first(defaults, "w:rFonts"), "w:ascii")).toBe("Arial");
    expect(Number(attr(first(defaults, "w:spacing"), "w:after"))).toBeGreaterThanOrEqual(120);
    const body = parts["word/document.xml"] as XmlElement;
    const headings = all(body, "w:p").filter((x) => val(first(x, "w:pStyle"))?.startsWith("Heading"));
    expect(headings.map((x) => val(first(x, "w:pStyle")))).toEqual(["Heading1", "Heading3"]);
    const core = parts["docProps/core.xml"] as XmlElement;
    expect(first(core, "dc:creator")?.text).toBe("Beat Keller");
    expect(first(core, "cp:lastModifiedBy")?.text).toBe("Andrea Meier");
  });

  it("gives each list its own numbering, restarting at its start, in a numbering part Word accepts", async () => {
    const parts = docxParts(await docxOf(layout, META));
    const numbering = first(parts["word/numbering.xml"] as XmlElement, "w:numbering") as XmlElement;
    const kinds = numbering.children.map((c) => c.name).filter((n) => n === "w:abstractNum" || n === "w:num");
    // Every abstract definition comes before the first instance (superdoc #3773: Word refuses otherwise).
    expect(kinds.lastIndexOf("w:abstractNum")).toBeLessThan(kinds.indexOf("w:num"));
    const abstractIds = all(numbering, "w:abstractNum").map((a) => attr(a, "w:abstractNumId"));
    const numIds = all(numbering, "w:num").map((n) => attr(n, "w:numId"));
    expect(new Set(abstractIds).size).toBe(abstractIds.length);
    expect(new Set(numIds).size).toBe(numIds.length);

    const body = parts["word/document.xml"] as XmlElement;
    const listed = all(body, "w:p")
      .filter((x) => first(x, "w:numPr"))
      .map((x) => ({
        text: textOf(x),
        numId: val(first(x, "w:numId")),
        level: val(first(x, "w:ilvl")),
      }));
    const numOf = (t: string) => listed.find((l) => l.text === t);
    expect(numOf("eins")?.numId).toBe(numOf("zwei")?.numId);
    expect(numOf("innen")?.level).toBe("1");
    expect(numOf("innen")?.numId).not.toBe(numOf("eins")?.numId);
    // The second ordered list is a list of its own, starting at 3, not continuing at 3 from the first.
    expect(numOf("drei")?.numId).not.toBe(numOf("eins")?.numId);
    const num = all(numbering, "w:num").find((n) => attr(n, "w:numId") === numOf("drei")?.numId);
    const abstract = all(numbering, "w:abstractNum").find(
      (a) => attr(a, "w:abstractNumId") === val(first(num as XmlElement, "w:abstractNumId")),
    );
    const level0 = all(abstract as XmlElement, "w:lvl").find((l) => attr(l, "w:ilvl") === "0");
    expect(val(first(level0 as XmlElement, "w:start"))).toBe("3");
  });

  it("sizes columns from their content, so no word breaks, and repeats the bold header row", async () => {
    const parts = docxParts(await docxOf(layout, META));
    const body = parts["word/document.xml"] as XmlElement;
    const grid = all(body, "w:gridCol").map((g) => Number(attr(g, "w:w")));
    expect(grid).toHaveLength(2);
    expect(grid.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH_TWIPS);
    // "Förderbereich" (13 letters, bold 9 pt) fits its column at 108 twips a letter; the long text gets the rest.
    expect(grid[0]).toBeGreaterThanOrEqual(13 * 108);
    expect(grid[1]).toBeGreaterThan(grid[0] ?? 0);
    const rows = all(body, "w:tr");
    expect(first(rows[0] as XmlElement, "w:tblHeader")).toBeDefined();
    expect(first(rows[1] as XmlElement, "w:tblHeader")).toBeUndefined();
    expect(all(rows[0] as XmlElement, "w:r").every((r) => first(r, "w:b"))).toBe(true);
  });

  it("writes the document's language when it has one, and de-CH for anything that is not a language tag", async () => {
    const langOf = async (lang: string) =>
      val(first(docxParts(await docxOf(layout, META, { lang }))["word/styles.xml"] as XmlElement, "w:lang"));
    expect(await langOf("fr-CH")).toBe("fr-CH");
    expect(await langOf('de"><w:evil/>')).toBe("de-CH");
  });

  it("has a header with the title and a footer with version, hash and Seite X von Y", async () => {
    const parts = docxParts(await docxOf(layout, META));
    const header = Object.entries(parts).find(([n]) => /^word\/header\d*\.xml$/.test(n))?.[1] as XmlElement;
    expect(textOf(header)).toContain("KIP 3 Solothurn");
    const footer = Object.entries(parts).find(([n]) => /^word\/footer\d*\.xml$/.test(n))?.[1] as XmlElement;
    expect(textOf(footer)).toContain("a".repeat(64));
    expect(textOf(footer)).toContain("Version 3");
    expect(textOf(footer)).toContain("Seite");
    const fields = all(footer, "w:instrText").map((i) => i.text.trim());
    expect(fields).toEqual(expect.arrayContaining(["PAGE", "NUMPAGES"]));
  });
});

const ANNA = "s1|u-anna|org-so|1795771800000|aaaa1111";
const attribution: Attribution = (id) =>
  id === ANNA
    ? { name: "Anna Muster", at: "2026-11-27T09:30:00.000Z" }
    : { name: "Accord", at: "2026-01-01T00:00:00Z" };

describe("tracked changes and comments in the DOCX", () => {
  it("gives every w:ins, w:del and comment an id of its own, a split suggestion included (superdoc #4020)", async () => {
    const ins = [{ type: "insertion", attrs: { id: ANNA } }];
    const split = doc(p(text("Erster"), text(" Teil\u200B", ins)), p(text("\u200Bneu", ins), text(" Rest")));
    const threads: ExportThread[] = [
      {
        id: "t1",
        author: "Beat Keller",
        at: "2026-11-20T08:00:00Z",
        text: "Warum?",
        quote: "Erster",
        resolved: false,
        replies: [],
        range: { from: 1, to: 7 },
      },
    ];
    const parts = docxParts(await docxOf(split, META, { attribution, threads }));
    const body = parts["word/document.xml"] as XmlElement;
    const changes = [...all(body, "w:ins"), ...all(body, "w:del")];
    expect(changes.length).toBeGreaterThanOrEqual(3);
    const ids = [...changes, ...all(parts["word/comments.xml"] as XmlElement, "w:comment")].map((c) => attr(c, "w:id"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const change of changes) {
      expect(attr(change, "w:author")).toBe("Anna Muster");
      expect(attr(change, "w:date")).toBe("2026-11-27T09:30:00Z");
    }
    // The split is the first paragraph's mark, inserted.
    const firstParagraph = all(body, "w:p").find((x) => textOf(x).includes("Erster")) as XmlElement;
    const mark = first(first(firstParagraph, "w:pPr") as XmlElement, "w:rPr") as XmlElement;
    expect(first(mark, "w:ins")).toBeDefined();
  });

  it("writes threads with replies, resolved state and ranges (comments, commentsExtended, commentsIds)", async () => {
    const threads: ExportThread[] = [
      {
        id: "t1",
        author: "Beat Keller",
        at: "2026-11-20T08:00:00Z",
        text: "Ist der Betrag richtig?",
        quote: "1 000 000",
        resolved: false,
        replies: [{ id: "r1", author: "Anna Muster", at: "2026-11-21T09:00:00Z", text: "Ja, gemäss Finanzraster." }],
        range: { from: 5, to: 14 },
      },
      {
        id: "t2",
        author: "Carla Rossi",
        at: "2026-11-22T10:00:00Z",
        text: "Erledigt.",
        quote: "Betrag",
        resolved: true,
        replies: [],
      },
    ];
    const parts = docxParts(await docxOf(doc(p(text("Der 1 000 000 Betrag"))), META, { threads }));
    const comments = all(parts["word/comments.xml"] as XmlElement, "w:comment");
    expect(comments.map((c) => [attr(c, "w:author"), attr(c, "w:initials"), textOf(c)])).toEqual([
      ["Beat Keller", "BK", "Ist der Betrag richtig?"],
      ["Anna Muster", "AM", "Ja, gemäss Finanzraster."],
      ["Carla Rossi", "CR", "Erledigt."],
    ]);
    expect(attr(comments[0], "w:date")).toMatch(/^2026-11-20T08:00:00/);
    const paraIds = comments.map((c) => attr(first(c, "w:p"), "w14:paraId"));
    const extended = all(parts["word/commentsExtended.xml"] as XmlElement, "w15:commentEx");
    expect(extended.map((e) => [attr(e, "w15:paraId"), attr(e, "w15:paraIdParent"), attr(e, "w15:done")])).toEqual([
      [paraIds[0], undefined, "0"],
      [paraIds[1], paraIds[0], "0"],
      // A resolved thread keeps its root comment, marked done (superdoc PR #3629).
      [paraIds[2], undefined, "1"],
    ]);
    expect(all(parts["word/commentsIds.xml"] as XmlElement, "w16cid:commentId")).toHaveLength(3);
    const body = parts["word/document.xml"] as XmlElement;
    const commentIds = comments.map((c) => attr(c, "w:id"));
    const idsOf = (tag: string) =>
      all(body, tag)
        .map((e) => attr(e, "w:id"))
        .sort();
    expect(idsOf("w:commentReference")).toEqual([...commentIds].sort());
    // The thread without a passage (its text deleted) is a point comment: a reference, no range.
    for (const tag of ["w:commentRangeStart", "w:commentRangeEnd"])
      expect(idsOf(tag)).toEqual([commentIds[0], commentIds[1]].sort());
    // The first thread's range is exactly its passage.
    const paragraph = all(body, "w:p").find((x) => textOf(x).includes("Betrag")) as XmlElement;
    const order = paragraph.children.map((c) => (c.name === "w:r" ? textOf(c) : `${c.name}:${attr(c, "w:id")}`));
    const start = order.indexOf(`w:commentRangeStart:${commentIds[0]}`);
    const end = order.indexOf(`w:commentRangeEnd:${commentIds[0]}`);
    expect(
      order
        .slice(start, end)
        .filter((x) => !x.startsWith("w:"))
        .join(""),
    ).toBe("1 000 000");
  });

  it("writes format changes as w:rPrChange and heading changes as w:pPrChange with the old style", async () => {
    const modified = doc(
      {
        type: "heading",
        attrs: { level: 3 },
        marks: [
          { type: "modification", attrs: { id: ANNA, type: "attr", attrName: "level", previousValue: 2, newValue: 3 } },
        ],
        content: [text("Ziele")],
      },
      p(
        text("fett", [
          { type: "bold" },
          {
            type: "modification",
            attrs: { id: ANNA, type: "marks", attrName: null, previousValue: [{ type: "italic" }], newValue: null },
          },
        ]),
      ),
    );
    const body = docxParts(await docxOf(modified, META, { attribution }))["word/document.xml"] as XmlElement;
    const pChange = first(body, "w:pPrChange") as XmlElement;
    expect(attr(pChange, "w:author")).toBe("Anna Muster");
    expect(val(first(pChange, "w:pStyle"))).toBe("Heading2");
    const rChange = first(body, "w:rPrChange") as XmlElement;
    expect(attr(rChange, "w:author")).toBe("Anna Muster");
    expect(first(rChange, "w:i")).toBeDefined();
    expect(first(rChange, "w:b")).toBeUndefined();
  });

  it("writes what people typed into comments as text, never as markup", async () => {
    const hostile = '"/><w:comment w:id="99" w:author="SEM"><w:p><w:r><w:t>freigegeben</w:t></w:r></w:p></w:comment>';
    const threads: ExportThread[] = [
      { id: "t", author: hostile, at: "2026-11-20T08:00:00Z", text: hostile, quote: "", resolved: false, replies: [] },
    ];
    const parts = docxParts(await docxOf(doc(p(text("Hallo"))), META, { threads }));
    const comments = all(parts["word/comments.xml"] as XmlElement, "w:comment");
    expect(comments).toHaveLength(1);
    expect(attr(comments[0], "w:author")).toBe(hostile);
    expect(textOf(comments[0] as XmlElement)).toBe(hostile);
  });

  it("gives the same bytes for the same input at any time, comments included", async () => {
    const threads: ExportThread[] = [
      { id: "t", author: "A B", at: "2026-11-20T08:00:00Z", text: "x", quote: "", resolved: false, replies: [] },
    ];
    const make = () => docxOf(doc(p(text("Hallo"))), META, { threads });
    expect(Buffer.from(await make())).toEqual(Buffer.from(await make()));
  });
});
