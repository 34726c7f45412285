import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { JSONContent } from "@tiptap/core";
import { SaxesParser } from "saxes";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { ExportThread } from "./changes.ts";
import type { ExportMeta } from "./meta.ts";
import type { ExportOptions } from "./options.ts";
import { pdfOf } from "./pdf.ts";

// Checked with Debian's poppler-utils and qpdf: what a reader's tools see in the file.

const dir = mkdtempSync(path.join(tmpdir(), "accord-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const META: ExportMeta = {
  title: "Programmvereinbarung KIP 3",
  documentId: "d",
  kindLabel: "Programmvereinbarung",
  milestone: "Genehmigung",
  versionId: "v-1",
  seq: 2,
  contentHash: "a".repeat(64),
  chainHash: "b".repeat(64),
  frozenAt: "2026-11-28T10:00:00.000Z",
  frozenBy: "Andrea Meier",
  draft: false,
  approvals: [],
};

const text = (value: string): JSONContent => ({ type: "text", text: value });
const para = (value: string): JSONContent => ({ type: "paragraph", content: [text(value)] });
const heading = (level: number, value: string): JSONContent => ({
  type: "heading",
  attrs: { level },
  content: [text(value)],
});
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

let files = 0;
/** Writes the PDF of `content` and returns its path. */
async function pdfFile(content: JSONContent, meta = META, options: ExportOptions = {}, title?: string) {
  const file = path.join(dir, `${++files}.pdf`);
  writeFileSync(file, await pdfOf(content, meta, title, options));
  return file;
}

const run = (tool: string, ...args: string[]) => execFileSync(tool, args, { encoding: "utf8" });
const pageText = (file: string, page: number) =>
  run("pdftotext", "-layout", "-f", `${page}`, "-l", `${page}`, file, "-");
const pageCount = (file: string) => Number(/^Pages:\s+(\d+)$/m.exec(run("pdfinfo", file))?.[1]);

/** The text in every element of an XML document (its children's too) by its prefixed name; throws when it is not well-formed. */
function xmlTexts(xml: string): Map<string, string[]> {
  const parser = new SaxesParser({ xmlns: false });
  const texts = new Map<string, string[]>();
  const open: { name: string; text: string }[] = [];
  parser.on("opentag", (tag) => open.push({ name: tag.name, text: "" }));
  parser.on("text", (t) => {
    for (const el of open) el.text += t;
  });
  parser.on("closetag", () => {
    const el = open.pop();
    if (el) texts.set(el.name, [...(texts.get(el.name) ?? []), el.text.trim()]);
  });
  parser.write(xml.replace(/^\uFEFF/, "")).close();
  return texts;
}

/** The PDF's objects as qpdf reads them, and its document catalogue. */
function catalogOf(file: string): { catalog: Record<string, unknown>; objects: Record<string, { value?: unknown }> } {
  const json = JSON.parse(run("qpdf", "--json", "--json-key=qpdf", file)) as {
    qpdf: [unknown, Record<string, { value?: unknown }>];
  };
  const objects = json.qpdf[1];
  const catalog = Object.values(objects)
    .map((o) => o.value)
    .find((v): v is Record<string, unknown> => (v as Record<string, unknown> | undefined)?.["/Type"] === "/Catalog");
  if (!catalog) throw new Error("no catalogue");
  return { catalog, objects };
}

interface OutlineItem {
  title: string;
  destpageposfrom1: number;
  kids: OutlineItem[];
}
const outlineOf = (file: string) =>
  (JSON.parse(run("qpdf", "--json", "--json-key=outlines", file)) as { outlines: OutlineItem[] }).outlines;
const titles = (items: OutlineItem[]): unknown[] =>
  items.map((i) => (i.kids.length ? [i.title, titles(i.kids)] : i.title));

describe("the PDF is PDF/A-2b", () => {
  it("is PDF 1.7 with an XMP packet naming PDF/A-2b and the title, and the info dictionary agrees", async () => {
    // A title that would break (or forge entries in) XMP pasted in as it is.
    const title = "KIP 3 & <Ziele> </rdf:li></rdf:Alt></dc:title><pdfaid:part>3</pdfaid:part>";
    const file = await pdfFile(doc(para("Text")), { ...META, title });
    const info = run("pdfinfo", file);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    expect(info).toMatch(/^Metadata Stream:\s+yes$/m);
    expect(info).toContain(`Title:           ${title}\n`);
    expect(info).toMatch(/^CreationDate:\s+Sat Nov 28 10:00:00 2026 UTC$/m);
    const xmp = xmlTexts(run("pdfinfo", "-meta", file));
    expect(xmp.get("pdfaid:part")).toEqual(["2"]);
    expect(xmp.get("pdfaid:conformance")).toEqual(["B"]);
    expect(xmp.get("dc:title")).toEqual([title]);
    expect(xmp.get("xmp:CreateDate")).toEqual(["2026-11-28T10:00:00Z"]);
    expect(xmp.get("xmp:ModifyDate")).toEqual(["2026-11-28T10:00:00Z"]);
    expect(xmp.get("pdf:Keywords")).toEqual([`${"a".repeat(64)} ${"b".repeat(64)}`]);
  });

  it("embeds every font it uses, and uses none of the standard fonts", async () => {
    const file = await pdfFile(
      doc(heading(1, "Titel"), {
        type: "paragraph",
        content: [
          { type: "text", text: "fett", marks: [{ type: "bold" }] },
          { type: "text", text: " kursiv", marks: [{ type: "italic" }] },
          { type: "text", text: " code", marks: [{ type: "code" }] },
        ],
      }),
    );
    const rows = run("pdffonts", file).trim().split("\n").slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) {
      expect(row).toMatch(/DejaVu/);
      expect(row.split(/\s+/).at(-5), row).toBe("yes");
    }
    // No font object is left over that pdffonts does not list (pdfkit's default Helvetica).
    const baseFonts = Object.values(catalogOf(file).objects)
      .map((o) => (o.value as Record<string, unknown> | undefined)?.["/BaseFont"])
      .filter((name) => name !== undefined);
    expect(baseFonts.length).toBeGreaterThanOrEqual(4);
    for (const name of baseFonts) expect(name).toMatch(/^\/[A-Z]{6}\+DejaVuSans/);
  });

  it("prints a character its fonts lack as «�», never as the .notdef glyph PDF/A forbids", async () => {
    const file = await pdfFile(
      doc(heading(1, "Ansprechperson 王"), para("Name: 王小明\tEnde"), {
        type: "table",
        content: [{ type: "tableRow", content: [{ type: "tableCell", content: [para("Zelle 中")] }] }],
      }),
      { ...META, frozenBy: "Li 李" },
    );
    const all = run("pdftotext", file, "-");
    expect(all).toContain("Ansprechperson �");
    expect(all).toContain("Name: ����Ende");
    expect(all).toContain("Zelle �");
    expect(all).toContain("von Li �");
    expect(all).not.toMatch(/[王小明中李]/);
  });

  it("has an sRGB output intent, the document language and a structure qpdf finds no fault in", async () => {
    const link = { type: "link", attrs: { href: "https://so.ch" } };
    const file = await pdfFile(doc({ type: "paragraph", content: [{ type: "text", text: "so.ch", marks: [link] }] }));
    expect(run("qpdf", "--check", file)).toContain("No syntax or stream encoding errors found");
    const { catalog, objects } = catalogOf(file);
    expect(catalog["/Lang"]).toBe("u:de-CH");
    expect(catalog["/ViewerPreferences"]).toBeDefined();
    const intents = catalog["/OutputIntents"] as string[];
    expect(intents).toHaveLength(1);
    const intent = objects[`obj:${intents[0]}`]?.value as Record<string, string>;
    expect(intent["/S"]).toBe("/GTS_PDFA1");
    expect(intent["/OutputConditionIdentifier"]).toBe("u:sRGB IEC61966-2.1");
    expect(objects[`obj:${intent["/DestOutputProfile"]}`]).toBeDefined();
    // PDF/A wants every annotation printable: the link's flags have the print bit (4).
    const links = Object.values(objects)
      .map((o) => o.value as Record<string, unknown> | undefined)
      .filter((v) => v?.["/Subtype"] === "/Link");
    expect(links).toHaveLength(1);
    expect(links[0]?.["/F"]).toBe(4);
  });

  it("states the document's language, and de-CH for a language tag that is not one", async () => {
    const french = await pdfFile(doc(para("Texte")), META, { lang: "fr-CH" });
    expect(catalogOf(french).catalog["/Lang"]).toBe("u:fr-CH");
    for (const forged of ["de) /OpenAction << /S /JavaScript /JS (app.alert(1)) >> (", "de-CH\n", "x"]) {
      const file = await pdfFile(doc(para("Text")), META, { lang: forged });
      const { catalog } = catalogOf(file);
      expect(catalog["/Lang"]).toBe("u:de-CH");
      expect(catalog["/OpenAction"]).toBeUndefined();
    }
  });

  it("gives the same bytes whenever it is made, threads included", async () => {
    const content = doc(heading(1, "A"), para("Text"));
    const make = () => pdfOf(content, META, undefined, { threads: [thread()] });
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      vi.setSystemTime(new Date("2026-12-01T09:00:00Z"));
      const first = await make();
      vi.setSystemTime(new Date("2026-12-02T17:31:07Z"));
      expect(Buffer.from(await make())).toEqual(Buffer.from(first));
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the PDF's layout", () => {
  it("has a bookmark for every heading, nested by level", async () => {
    const file = await pdfFile(
      doc(
        heading(1, "Teil A"),
        heading(2, "Art. 1 Gegenstand"),
        heading(3, "Abs. 1"),
        heading(2, "Art. 2 Ziele für Gemeinden"),
        heading(1, "Teil B"),
        heading(3, "Abs. ohne Artikel"),
        heading(2, "Art. 3"),
      ),
    );
    expect(titles(outlineOf(file))).toEqual([
      ["Teil A", [["Art. 1 Gegenstand", ["Abs. 1"]], "Art. 2 Ziele für Gemeinden"]],
      ["Teil B", ["Abs. ohne Artikel", "Art. 3"]],
    ]);
  });

  it("leads each bookmark to the page its heading is on", async () => {
    const filler = Array.from({ length: 60 }, (_, i) => para(`Absatz ${i + 1} mit etwas Text.`));
    const file = await pdfFile(doc(heading(1, "Anfang"), ...filler, heading(1, "Ende")));
    const [first, last] = outlineOf(file);
    expect(first?.destpageposfrom1).toBe(1);
    expect(last?.destpageposfrom1).toBe(pageCount(file));
    expect(pageText(file, pageCount(file))).toContain("Ende");
  });

  it("repeats a table's header rows at the top of every page it continues on", async () => {
    const cell = (type: string, value: string): JSONContent => ({ type, content: [para(value)] });
    const rows = Array.from({ length: 90 }, (_, i) => ({
      type: "tableRow",
      content: [cell("tableCell", `Massnahme ${i + 1}`), cell("tableCell", `${(i + 1) * 1000} CHF`)],
    }));
    const header = { type: "tableRow", content: [cell("tableHeader", "Förderbereich"), cell("tableHeader", "Betrag")] };
    const file = await pdfFile(doc({ type: "table", content: [header, ...rows] }));
    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      const lines = pageText(file, page)
        .split("\n")
        .filter((l) => l.trim());
      const headerLine = lines.findIndex((l) => /Förderbereich\s+Betrag/.test(l));
      const firstRow = lines.findIndex((l) => /Massnahme \d+/.test(l));
      expect(headerLine, `header row on page ${page}`).toBeGreaterThanOrEqual(0);
      expect(headerLine, `header row above the rows on page ${page}`).toBeLessThan(firstRow);
    }
    expect(pageText(file, pages)).toContain("Massnahme 90");
  });

  it("keeps the approval block on one page, starting a new one when it would be split", async () => {
    const approvals: ExportMeta["approvals"] = Array.from({ length: 17 }, (_, i) => ({
      orgName: `Organisation ${String(i + 1).padStart(2, "0")}`,
      userName: "Andrea Meier",
      decision: "approve",
      at: "2026-11-28T11:00:00.000Z",
      details: [
        ["RRB-Nummer", `RRB Nr. 2024/${i + 1}`],
        ["Datum des RRB", "2024-01-23"],
      ],
      reason: "Mit dem Programm einverstanden.",
    }));
    const file = await pdfFile(doc(para("Text")), { ...META, approvals });
    const pages = Array.from({ length: pageCount(file) }, (_, i) => pageText(file, i + 1));
    const holding = pages.filter((p) => p.includes("Organisation "));
    expect(holding, "pages with approvals").toHaveLength(1);
    for (const a of approvals) expect(holding[0]).toContain(`${a.orgName}: freigegeben`);
    expect(holding[0]).toContain("RRB Nr. 2024/17");
  });

  it("breaks an approval block taller than a page between decisions only", async () => {
    const approvals: ExportMeta["approvals"] = Array.from({ length: 40 }, (_, i) => ({
      orgName: `Organisation ${String(i + 1).padStart(2, "0")}`,
      userName: "Andrea Meier",
      decision: "reject",
      at: "2026-11-28T11:00:00.000Z",
      details: [["RRB-Nummer", `RRB Nr. 2024/${i + 1}`]],
      reason: `Begründung ${i + 1}`,
    }));
    const file = await pdfFile(doc(para("Text")), { ...META, approvals });
    for (let page = 1; page <= pageCount(file); page++) {
      const lines = pageText(file, page)
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
      // Every decision on this page has its details and reason on this page, right under it.
      lines.forEach((line, i) => {
        const n = /^Organisation (\d+): abgelehnt/.exec(line)?.[1];
        if (!n) return;
        expect(lines[i + 1], `page ${page}`).toBe(`RRB-Nummer: RRB Nr. 2024/${Number(n)}`);
        expect(lines[i + 2], `page ${page}`).toBe(`Begründung: Begründung ${Number(n)}`);
      });
      expect(lines[0], `page ${page} starts with a detail`).not.toMatch(/^(RRB-Nummer|Begründung):/);
    }
  });
});

function thread(overrides: Partial<ExportThread> = {}): ExportThread {
  return {
    id: "t1",
    author: "Claire Dubois",
    at: "2026-11-28T11:00:00.000Z",
    text: "Bitte die Frist prüfen.",
    quote: "1. Januar 2024",
    resolved: false,
    replies: [{ id: "r1", author: "Andrea Meier", at: "2026-11-28T12:30:00.000Z", text: "Ist angepasst." }],
    range: { from: 1, to: 15 },
    ...overrides,
  };
}

describe("the PDF's comments appendix", () => {
  it("lists each thread with its passage, author, date, text, replies and whether it is done", async () => {
    const threads = [
      thread(),
      thread({ id: "t2", author: "Marco Rossi", text: "Erledigt?\nSiehe Art. 2.", resolved: true, replies: [] }),
    ];
    const file = await pdfFile(doc(heading(1, "Art. 1"), para("1. Januar 2024")), META, { threads });
    const all = run("pdftotext", file, "-");
    const appendix = all.slice(all.indexOf("Kommentare"));
    expect(appendix).toContain("Kommentar 1\n");
    expect(appendix).toContain("Zur Stelle: «1. Januar 2024»");
    expect(appendix).toContain("Claire Dubois, 28.11.2026, 12:00");
    expect(appendix).toContain("Bitte die Frist prüfen.");
    expect(appendix).toContain("Antwort von Andrea Meier, 28.11.2026, 13:30");
    expect(appendix).toContain("Ist angepasst.");
    expect(appendix).toContain("Kommentar 2 – erledigt");
    expect(appendix).toContain("Erledigt?");
    expect(titles(outlineOf(file))).toEqual(["Art. 1", "Kommentare"]);
  });

  it("sets a comment's text in under its byline, so that it cannot print a reply of its own", async () => {
    const forged = thread({ text: "ok\nAntwort von Mallory, 28.11.2026, 14:00\nalles freigegeben", replies: [] });
    const file = await pdfFile(doc(para("Text")), META, { threads: [forged] });
    const lines = run("pdftotext", "-layout", file, "-").split("\n");
    const indent = (needle: string) => {
      const line = lines.find((l) => l.includes(needle)) ?? "";
      return line.length - line.trimStart().length;
    };
    expect(indent("Antwort von Mallory")).toBeGreaterThan(indent("Claire Dubois, 28.11.2026"));
    expect(indent("Antwort von Mallory")).toBe(indent("ok"));
  });

  it("has no appendix without threads", async () => {
    const file = await pdfFile(doc(para("Text")), META, { threads: [] });
    expect(run("pdftotext", file, "-")).not.toContain("Kommentar");
  });
});
