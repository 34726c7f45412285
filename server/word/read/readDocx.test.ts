import { getSchema, type JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { beforeAll, describe, expect, it } from "vitest";
import { schemaExtensions } from "../../../shared/schema/extensions.ts";
import { withAllAccepted, withAllRejected } from "../../../shared/suggestions/outcomes.ts";
import { type LibreOfficeOutcomes, libreOfficeOutcomes } from "../../../tests/helpers/libreOffice.ts";
import { convertWithLibreOffice, libreOfficeComments } from "../../../tests/helpers/libreOfficeConvert.ts";
import { ANNA, BRUNO, paragraphChangesFodt, sampleFodt, skippedFodt } from "../../../tests/helpers/wordFiles.ts";
import type { ImportedDocx } from "../imported.ts";
import { readDocx } from "./index.ts";

const schema = getSchema(schemaExtensions());

/** Text blocks of a document in order, line breaks splitting lines, as LibreOffice's text export lists them. */
function lines(doc: PMNode): string[] {
  const out: string[] = [];
  doc.descendants((node) => {
    if (!node.isTextblock) return true;
    let text = "";
    node.forEach((c) => {
      text += c.isText ? c.text : c.type.name === "hardBreak" ? "\n" : "";
    });
    out.push(...text.replaceAll("\u200B", "").split("\n"));
    return false;
  });
  return normalise(out);
}

/** LibreOffice's text export indents headings and prefixes list labels; empty lines (merged cells) carry nothing. */
const normalise = (raw: string[]): string[] =>
  raw.map((l) => l.trim().replace(/^(?:[•◦▪]|\d+\.)\s+/, "")).filter((l) => l !== "");

const loLines = (text: string) => normalise(text.split("\n"));

/** The kind of every revision id as the marks in `doc` use it. */
function markKinds(doc: JSONContent): Map<string, string> {
  const kinds = new Map<string, string>();
  const walk = (n: JSONContent) => {
    for (const m of n.marks ?? []) if (m.type === "insertion" || m.type === "deletion") kinds.set(m.attrs?.id, m.type);
    for (const c of n.content ?? []) walk(c);
  };
  walk(doc);
  return kinds;
}

/** All text of a document with the marks on it, for asserting marks of a word. */
function marksOfText(doc: JSONContent, text: string): string[] {
  const found: string[][] = [];
  const walk = (n: JSONContent) => {
    if (n.type === "text" && n.text === text) found.push((n.marks ?? []).map((m) => m.type ?? ""));
    for (const c of n.content ?? []) walk(c);
  };
  walk(doc);
  expect(found, `text "${text}"`).toHaveLength(1);
  return found[0] ?? [];
}

const utc = (local: string) => `${local}Z`;

describe("readDocx on a LibreOffice-made DOCX", () => {
  let imported: ImportedDocx;
  let withComments: Uint8Array;
  let node: PMNode;
  // The same document without comments: LibreOffice 7.4 crashes opening a commented document through UNO.
  let plain: ImportedDocx;
  let outcomes: LibreOfficeOutcomes;

  beforeAll(async () => {
    let withoutComments: Uint8Array;
    [withComments, withoutComments] = await Promise.all([
      convertWithLibreOffice(sampleFodt(), "fodt", "docx"),
      convertWithLibreOffice(sampleFodt({ comments: false }), "fodt", "docx"),
    ]);
    imported = await readDocx(withComments);
    node = schema.nodeFromJSON(imported.doc);
    plain = await readDocx(withoutComments);
    outcomes = await libreOfficeOutcomes(withoutComments);
  }, 120_000);

  it("gives a document valid in the shared schema", () => {
    expect(() => node.check()).not.toThrow();
  });

  it("reads headings with their levels from the styles' outline levels", () => {
    const headings = (imported.doc.content ?? []).filter((n) => n.type === "heading");
    expect(headings.map((h) => [h.attrs?.level, h.content?.[0]?.text])).toEqual([
      [1, "Ziele"],
      [2, "Wirkung"],
      [3, "Massnahmen"],
    ]);
    // The heading style's bold is its look, not a mark on the text.
    expect(marksOfText(imported.doc, "Ziele")).toEqual([]);
  });

  it("keeps bold, italic, underline and strike, a link and a line break", () => {
    expect(marksOfText(imported.doc, "fette")).toEqual(["bold"]);
    expect(marksOfText(imported.doc, "kursive")).toEqual(["italic"]);
    expect(marksOfText(imported.doc, "unterstrichene")).toEqual(["underline"]);
    expect(marksOfText(imported.doc, "gestrichene")).toEqual(["strike"]);
    expect(marksOfText(imported.doc, "Website des SEM")).toEqual(["link"]);
    expect(JSON.stringify(imported.doc)).toContain('"href":"https://www.sem.admin.ch/"');
    const paragraph = imported.doc.content?.[3];
    expect(paragraph?.content?.some((c) => c.type === "hardBreak")).toBe(true);
  });

  it("reads lists with their levels, a second list restarting at 1 and a list starting at 3", () => {
    const lists = (imported.doc.content ?? []).filter((n) => n.type === "bulletList" || n.type === "orderedList");
    expect(lists.map((l) => [l.type, l.attrs?.start ?? null, l.content?.length])).toEqual([
      ["bulletList", null, 3],
      ["orderedList", 1, 2],
      ["orderedList", 1, 2],
      ["orderedList", 3, 2],
    ]);
    const nested = lists[0]?.content?.[1]?.content?.[1];
    expect(nested?.type).toBe("bulletList");
    expect(nested?.content?.[0]?.content?.[0]?.content?.[0]?.text).toBe("Unterpunkt");
  });

  it("reads the table's header row and its merged cells", () => {
    const table = (imported.doc.content ?? []).find((n) => n.type === "table");
    const rows = table?.content ?? [];
    expect(rows.map((r) => (r.content ?? []).map((c) => [c.type, c.attrs?.colspan, c.attrs?.rowspan]))).toEqual([
      [
        ["tableHeader", 1, 1],
        ["tableHeader", 1, 1],
        ["tableHeader", 1, 1],
      ],
      [
        ["tableCell", 2, 1],
        ["tableCell", 1, 2],
      ],
      [
        ["tableCell", 1, 1],
        ["tableCell", 1, 1],
      ],
    ]);
  });

  it("reads the document language from the default run style", () => {
    expect(imported.language).toBe("de-CH");
  });

  it("keeps every tracked change with its Word author and date, as LibreOffice lists them", () => {
    const kinds = markKinds(plain.doc);
    const ours = new Set(
      [...kinds].map(([id, kind]) => {
        const origin = plain.revisions[id];
        return `${kind === "insertion" ? "Insert" : "Delete"}|${origin?.author}|${origin?.date}`;
      }),
    );
    const theirs = new Set(outcomes.redlines.map((r) => `${r.type}|${r.author}|${utc(r.date)}`));
    expect(theirs.size).toBe(2);
    expect(ours).toEqual(theirs);
    // One revision per change LibreOffice lists: pieces Word wrote with two ids for one change are joined.
    expect(Object.keys(plain.revisions)).toHaveLength(outcomes.redlines.length);
    // Every revision is used by a mark and every mark has its revision.
    expect(new Set(Object.keys(plain.revisions))).toEqual(new Set(kinds.keys()));
    expect(imported.revisions["w:0"]).toEqual({ author: ANNA.author, date: utc(ANNA.date) });
  });

  it("reads changes inside a table cell and a list item, a new paragraph and a paragraph join", () => {
    expect(marksOfText(imported.doc, "ergänzt")).toEqual(["insertion"]);
    expect(marksOfText(imported.doc, "nicht ")).toEqual(["deletion"]);
    // The new paragraph's mark and its text are one suggestion (Word wrote two ids; LibreOffice lists one change).
    expect(marksOfText(imported.doc, "\u200BNeuer Absatz")).toEqual(["insertion"]);
    const texts = (imported.doc.content ?? []).map((b) => (b.content ?? []).map((c) => c.text).join(""));
    expect(texts).toContain("Absatz davor\u200B");
    expect(texts).toContain("Erster Teil \u200B");
    expect(texts).toContain("\u200Bzweiter Teil");
  });

  it("accepting all gives LibreOffice's Accept All text, rejecting all its Reject All text", () => {
    const doc = schema.nodeFromJSON(plain.doc);
    expect(lines(withAllAccepted(doc))).toEqual(loLines(outcomes.accepted));
    expect(lines(withAllRejected(doc))).toEqual(loLines(outcomes.rejected));
    // Not vacuous: the two outcomes differ where the changes are.
    expect(lines(withAllAccepted(doc))).not.toEqual(lines(withAllRejected(doc)));
  });

  it("reads comments with author, date, range and resolved state, never merging two on one range", () => {
    const view = imported.threads.map((t) => ({
      author: t.author,
      date: t.date,
      text: t.text,
      resolved: t.resolved,
      replies: t.replies.length,
      anchored: t.range ? node.textBetween(t.range.from, t.range.to) : null,
    }));
    expect(view).toEqual([
      {
        author: ANNA.author,
        date: utc(ANNA.date),
        text: "Bitte prüfen.",
        resolved: false,
        replies: 0,
        anchored: "Wirkungsziel",
      },
      {
        author: BRUNO.author,
        date: utc(BRUNO.date),
        text: "Geprüft.",
        resolved: false,
        replies: 0,
        anchored: "Wirkungsziel",
      },
      { author: BRUNO.author, date: utc(BRUNO.date), text: "Erledigt.", resolved: true, replies: 0, anchored: "Frist" },
    ]);
  });

  it("reads the comments LibreOffice reads from the same file: authors, resolved state", async () => {
    // docx-export's helper reads LibreOffice's ODT of the file; its text of a comment is not compared (spans).
    const theirs = await libreOfficeComments(withComments);
    const ours = imported.threads.flatMap((t) => [
      { author: t.author, resolved: t.resolved },
      ...t.replies.map((r) => ({ author: r.author, resolved: t.resolved })),
    ]);
    const key = (c: { author: string; resolved: boolean }) => `${c.author}|${c.resolved}`;
    expect(ours.map(key).sort()).toEqual(theirs.map(key).sort());
    expect(theirs).toHaveLength(3);
  }, 60_000);

  it("reports what was imported, and nothing skipped in a file that has nothing to skip", () => {
    expect(imported.report).toEqual({
      imported: {
        paragraphs: 14,
        headings: 3,
        listItems: 10,
        tables: 1,
        links: 1,
        insertions: 3,
        deletions: 3,
        threads: 3,
        replies: 0,
      },
      skipped: {},
    });
  });
});

describe("readDocx on paragraph-level tracked changes made by LibreOffice", () => {
  it("gives LibreOffice's Accept All and Reject All: no empty paragraph or bullet left, none lost", async () => {
    const docx = await convertWithLibreOffice(paragraphChangesFodt(), "fodt", "docx");
    const [imported, outcomes] = await Promise.all([readDocx(docx), libreOfficeOutcomes(docx)]);
    const doc = schema.nodeFromJSON(imported.doc);
    const accepted = lines(withAllAccepted(doc));
    const rejected = lines(withAllRejected(doc));
    expect(accepted).toEqual(loLines(outcomes.accepted));
    expect(rejected).toEqual(loLines(outcomes.rejected));
    expect(accepted).toEqual([
      "Titel neu",
      "Eins",
      "Eingefügt",
      "Drei",
      "Davor",
      "Danach",
      "Erstens",
      "Zweitens",
      "Ende",
      "Ganz neu",
    ]);
    expect(rejected).toEqual([
      "Titel",
      "Eins",
      "Drei",
      "Davor",
      "Ganzer Absatz weg",
      "Danach",
      "Erstens",
      "Zeile weg",
      "Zweitens",
      "Ende",
    ]);
    // Nothing LibreOffice does not list: every author and date is one of its redlines'.
    const theirs = new Set(outcomes.redlines.map((r) => `${r.author}|${utc(r.date)}`));
    for (const origin of Object.values(imported.revisions)) expect(theirs).toContain(`${origin.author}|${origin.date}`);
    expect(Object.keys(imported.revisions)).toHaveLength(outcomes.redlines.length);
  }, 120_000);
});

describe("readDocx on what a LibreOffice-made DOCX holds beyond Accord's schema", () => {
  it("counts images, footnotes, endnotes, fields, text boxes, headers and footers, and keeps the text around them", async () => {
    const imported = await readDocx(await convertWithLibreOffice(skippedFodt(), "fodt", "docx"));
    expect(imported.report.skipped).toEqual({
      images: 1,
      footnotes: 1,
      endnotes: 1,
      fields: 2,
      textBoxes: 1,
      headersFooters: 2,
    });
    const texts = (imported.doc.content ?? []).map((b) => (b.content ?? []).map((c) => c.text).join(""));
    expect(texts[0]).toBe("Bild  im Text.");
    expect(texts[1]).toBe("Mit Fussnote und Endnote.");
    // The field's result is kept (LibreOffice writes today's date into the date field).
    expect(texts[2]).toMatch(/^Stand \S+, Seite 1\.$/);
    expect(texts[3]).toBe("Kasten danach.");
    expect(JSON.stringify(imported.doc)).not.toMatch(/Im Kasten|Die Fussnote|Die Endnote|Kopfzeile|Fusszeile/);
  }, 60_000);
});
