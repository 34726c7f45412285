import { getSchema } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { describe, expect, it } from "vitest";
import { AREA_IDS } from "../../../shared/finance/areas.ts";
import { gridsOfDoc } from "../../../shared/finance/read.ts";
import { gridChangeProblem } from "../../../shared/finance/structure.ts";
import { emptyGoalAreas, financeSummary } from "../../../shared/finance/totals.ts";
import { schemaExtensions } from "../../../shared/schema/extensions.ts";
import { bold, doc, h, p, table } from "./builders.ts";
import { kip3Agreement } from "./kip3Agreement.ts";
import { kip3Concept } from "./kip3Concept.ts";

const schema = getSchema(schemaExtensions());

/** Every descendant node of `type`, in document order. */
const nodesOfType = (root: PMNode, type: string): PMNode[] => {
  const found: PMNode[] = [];
  root.descendants((node) => {
    if (node.type.name === type) found.push(node);
  });
  return found;
};

/** The text of every heading, in document order. */
const headingTexts = (root: PMNode): string[] => nodesOfType(root, "heading").map((node) => node.textContent);

describe("builders", () => {
  it("turns empty strings into empty paragraphs and cells", () => {
    const content = doc(h(1, ""), p(""), p(), table(["A", ""], ["", bold("1'000'000")]));
    expect(() => schema.nodeFromJSON(content).check()).not.toThrow();
    expect(p("")).toEqual({ type: "paragraph" });
  });
});

describe.each([
  ["kip3Concept", kip3Concept],
  ["kip3Agreement", kip3Agreement],
])("%s", (_name, document) => {
  it("is valid against the Accord schema", () => {
    expect(() => schema.nodeFromJSON(document.content).check()).not.toThrow();
  });

  it("has a title naming Solothurn and no leftover placeholders", () => {
    expect(document.title).toContain("Kanton Solothurn 2024–2027");
    const text = schema.nodeFromJSON(document.content).textContent;
    expect(text).not.toMatch(/\[(Betrag|Datum|unverified)/);
  });
});

describe("kip3Concept", () => {
  const root = schema.nodeFromJSON(kip3Concept.content);

  it("has the chapters, all seven Förderbereiche and the Zielraster appendix", () => {
    const headings = headingTexts(root);
    for (const heading of [
      "1 Einleitung",
      "2 Kantonaler Kontext",
      "3 Strategische Ausrichtung KIP 3",
      "4 Förderbereiche",
      "4.1 Information, Abklärung Integrationsbedarf und Beratung",
      "4.2 Sprache",
      "4.3 Ausbildungs- und Arbeitsmarktfähigkeit",
      "4.4 Frühe Kindheit",
      "4.5 Zusammenleben und Partizipation",
      "4.6 Umgang mit Vielfalt und Diskriminierungsschutz",
      "4.7 Dolmetschen",
      "5 Finanzierung",
      "6 Qualitätssicherung, Controlling und Evaluation",
      "Anhang A Zielraster",
    ]) {
      expect(headings).toContain(heading);
    }
  });

  it("has both finance tables, marked as fictional", () => {
    const tables = nodesOfType(root, "table").map((node) => node.textContent);
    expect(tables).toContainEqual(expect.stringContaining("8'200'000"));
    expect(tables).toContainEqual(expect.stringContaining("19'360'000"));
    expect(root.textContent).toContain("Alle Beträge sind fiktive Beispielwerte.");
  });

  it("has a structured goal grid with a goal for every Förderbereich, and the four finance grids", () => {
    const grids = gridsOfDoc(root);
    expect(grids.filter((g) => g.kind === "goals").map((g) => g.area)).toEqual(AREA_IDS);
    expect(emptyGoalAreas(grids)).toEqual([]);
    expect(grids.filter((g) => g.kind === "finance").map((g) => g.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(gridChangeProblem(grids, grids)).toBeNull();
  });

  it("falls short of the matching rule in 2026 only", () => {
    const summary = financeSummary(gridsOfDoc(root));
    expect(summary?.years.map((y) => [y.year, y.ok])).toEqual([
      [2024, true],
      [2025, true],
      [2026, false],
      [2027, true],
    ]);
  });
});

describe("kip3Agreement", () => {
  const root = schema.nodeFromJSON(kip3Agreement.content);

  it("has the Ingress, Art. 1 to Art. 14 in order, signatures and annexes", () => {
    const headings = headingTexts(root);
    const articles = headings.filter((text) => text.startsWith("Art. "));
    expect(articles.map((text) => text.split(" ")[1])).toEqual(
      Array.from({ length: 14 }, (_, index) => String(index + 1)),
    );
    expect(headings).toContain("Art. 14 Inkrafttreten und Dauer");
    expect(headings).toEqual(expect.arrayContaining(["Ingress", "Unterschriften", "Anhänge"]));
    expect(root.textContent).toContain("höchstens CHF 1'000'000 pro Jahr");
    expect(root.textContent).toContain("Für den Kanton Solothurn – Vorsteherin/Vorsteher Departement des Innern");
  });

  it("holds the same structured grids as the concept", () => {
    const grids = gridsOfDoc(root);
    expect(grids.map((g) => (g.kind === "finance" ? g.year : g.area))).toEqual([...AREA_IDS, 2024, 2025, 2026, 2027]);
    expect(financeSummary(grids)?.ok).toBe(false);
  });
});
