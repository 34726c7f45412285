import { getSchema, type JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { docxOf } from "../../server/export/docx/index.ts";
import type { ExportMeta } from "../../server/export/meta.ts";
import { p, table } from "../../server/seed/content/builders.ts";
import { kip3Concept } from "../../server/seed/content/kip3Concept.ts";
import { schemaExtensions } from "../../shared/schema/extensions.ts";
import { libreOfficeContent, libreOfficePdfText } from "../helpers/libreOfficeConvert.ts";
import { all, first, type XmlElement } from "../helpers/xmlTree.ts";

/**
 * The demo concept, with a goal grid in the SEM's seven-column layout appended: the concept's
 * own Zielraster is now structured (five columns, issue 15), and this test is about the widest
 * table a KIP document carries.
 */
const SEM_ZIELRASTER = table(
  [
    "Nr.",
    "Wirkungsziel (Outcome)",
    "Leistungsziel (Output)",
    "Massnahmen",
    "Meilensteine",
    "Überprüfung",
    "Zuständigkeit",
  ],
  [
    "2.1",
    "Teilnehmende der vergünstigten Deutsch-Integrationskurse verbessern ihre Sprachkompetenz im Alltag und im Beruf messbar",
    "Jährlich mindestens 2'000 Teilnehmende in Kursen nach dem fide-Ansatz; 70 % erreichen das angestrebte Kursniveau",
    "Vergünstigung der Kurskosten, Qualitätsvorgaben nach fide, Kurse mit Kinderbetreuung",
    "2024: Leistungsverträge mit Kursanbietern erneuert; 2025: alle Kursanbieter arbeiten nach fide",
    "Kursstatistik der Anbieter, Sprachstandserhebung am Kursende",
    "AGS / Kursanbieter",
  ],
);
const concept = getSchema(schemaExtensions())
  .nodeFromJSON({
    ...kip3Concept.content,
    content: [
      ...(kip3Concept.content.content ?? []),
      p("Zielraster im Format des SEM (Wirkungsziel, Leistungsziel)"),
      SEM_ZIELRASTER,
    ],
  })
  .toJSON() as JSONContent;
const META: ExportMeta = {
  title: kip3Concept.title,
  documentId: "kip3-konzept-so",
  kindLabel: "Programmkonzept",
  milestone: "Freigabe",
  versionId: "v-layout",
  seq: 1,
  contentHash: "a".repeat(64),
  chainHash: "b".repeat(64),
  frozenAt: "2026-11-28T10:00:00.000Z",
  frozenBy: "Andrea Meier",
  draft: false,
  approvals: [],
};

const textOf = (el: XmlElement): string => el.text + el.children.map(textOf).join("");

describe("the DOCX layout as LibreOffice reads it", async () => {
  const docx = await docxOf(concept, META, { creator: "Andrea Meier" });

  it("reads the headings as outline levels (navigator, PDF bookmarks) and the header rows as repeated", async () => {
    const content = await libreOfficeContent(docx);
    const headings = all(content, "text:h").map((h) => [h.attributes["text:outline-level"], textOf(h)]);
    expect(headings).toContainEqual(["1", "Zusammenfassung"]);
    expect(headings).toContainEqual(["1", "Anhang A Zielraster"]);
    const tables = all(content, "table:table");
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) expect(first(table, "table:table-header-rows"), "a repeated header row").toBeDefined();
  }, 120_000);

  it("prints every word of the goal grid's header whole, and Seite X von Y", async () => {
    const text = await libreOfficePdfText(docx);
    // The grid's header row, as pdftotext lays it out: each cell's first word whole on one line
    // (a column too narrow for its word prints "Wirkungs" and "ziel" on two lines, or "N" and "r.").
    // The first line naming it is the paragraph before the grid; the second, the grid's header.
    const header = text.split("\n").filter((line) => line.includes("Wirkungs"))[1] ?? "";
    const words = header.trim().split(/\s+/);
    expect(words).toEqual([
      "Nr.",
      "Wirkungsziel",
      "Leistungsziel",
      "Massnahmen",
      "Meilensteine",
      "Überprüfung",
      "Zuständigkeit",
    ]);
    expect(text).toMatch(/Seite 1 von \d+/);
  }, 120_000);
});
