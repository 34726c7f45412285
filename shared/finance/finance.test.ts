import { getSchema } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { schemaExtensions } from "../schema/extensions.ts";
import { formatAmount, parseAmount } from "./amount.ts";
import { financeGrid, goalGrid } from "./build.ts";
import { gridsOfDoc } from "./read.ts";
import { emptyGoalAreas, financeSummary } from "./totals.ts";

const schema = getSchema(schemaExtensions());
const docOf = (...blocks: unknown[]) => schema.nodeFromJSON({ type: "doc", content: blocks });

describe("amounts", () => {
  it("reads digits with apostrophes (Swiss format) and empty; refuses everything else", () => {
    expect(parseAmount("1'000'000")).toBe(1_000_000);
    expect(parseAmount("1’250")).toBe(1250);
    expect(parseAmount(" 42 ")).toBe(42);
    expect(parseAmount("")).toBeNull();
    expect(parseAmount("\u200B")).toBeNull();
    // Steps of typing "1'000" key by key are amounts too (the apostrophes are not judged).
    expect(parseAmount("1'")).toBe(1);
    expect(parseAmount("1'00")).toBe(100);
    for (const bad of ["'", "1,000", "10.5", "-5", "ca. 5", "1e6", "CHF 100", "1234567890123456"]) {
      expect(parseAmount(bad)).toBe("invalid");
    }
  });

  it("formats with apostrophes", () => {
    expect(formatAmount(1_234_567)).toBe("1'234'567");
    expect(formatAmount(999)).toBe("999");
    expect(formatAmount(-1000)).toBe("−1'000");
  });
});

describe("finance totals and the matching rule", () => {
  // Hand computation:
  // 2024: Bund 100'000 + 50'000 = 150'000; Kanton 80'000 + 40'000 = 120'000; Gemeinden 20'000 + 0 = 20'000;
  //       Dritte 5'000. Canton side 120'000 + 20'000 = 140'000 < 150'000: fails.
  // 2025: Bund 60'000; Kanton 70'000; canton side 70'000 ≥ 60'000: passes.
  // Period: Bund 210'000; Kanton 190'000; Gemeinden 20'000; canton side 210'000 ≥ 210'000: passes.
  const doc = docOf(
    financeGrid(2024, { fb1: [100_000, 80_000, 20_000, 5_000], fb2: [50_000, 40_000, null, null] }),
    financeGrid(2025, { fb7: [60_000, 70_000, 0, 0] }),
  );
  const summary = financeSummary(gridsOfDoc(doc));

  it("sums per source, per Förderbereich and per year", () => {
    expect(summary?.years.map((y) => [y.year, y.bySource, y.total])).toEqual([
      [2024, { bund: 150_000, kanton: 120_000, gemeinden: 20_000, dritte: 5_000 }, 295_000],
      [2025, { bund: 60_000, kanton: 70_000, gemeinden: 0, dritte: 0 }, 130_000],
    ]);
    expect(summary?.years[0]?.byArea.fb1).toBe(205_000);
    expect(summary?.years[0]?.byArea.fb2).toBe(90_000);
    expect(summary?.period.byArea.fb7).toBe(130_000);
    expect(summary?.period.total).toBe(425_000);
  });

  it("checks Kanton + Gemeinden ≥ Bund per year and over the period", () => {
    expect(summary?.years.map((y) => [y.cantonSide, y.ok])).toEqual([
      [140_000, false],
      [70_000, true],
    ]);
    expect(summary?.period.cantonSide).toBe(210_000);
    expect(summary?.period.ok).toBe(true);
    expect(summary?.ok).toBe(false);
  });

  it("leaves the communes out when the template does not count them", () => {
    const without = financeSummary(gridsOfDoc(doc), false);
    expect(without?.period.cantonSide).toBe(190_000);
    expect(without?.period.ok).toBe(false);
  });

  it("reads amounts as accepted: a suggested replacement counts with its new figure", () => {
    const grid = financeGrid(2024, { fb1: [100_000, 80_000, 0, 0] });
    const id = "s1|u-andrea|kanton-so|1700000000000|abc";
    const kanton = grid.content?.[1]?.content?.[2]?.content?.[0];
    if (!kanton) throw new Error("no cell");
    kanton.content = [
      { type: "text", text: "80'000", marks: [{ type: "deletion", attrs: { id } }] },
      { type: "text", text: "120'000", marks: [{ type: "insertion", attrs: { id } }] },
    ];
    const s = financeSummary(gridsOfDoc(docOf(grid)));
    expect(s?.years[0]?.bySource.kanton).toBe(120_000);
    expect(s?.ok).toBe(true);
  });

  it("counts a year's grid once, even if a raw client placed a second one", () => {
    const twice = docOf(financeGrid(2024, { fb1: [100, 100, 0, 0] }), financeGrid(2024, { fb1: [100, 100, 0, 0] }));
    expect(financeSummary(gridsOfDoc(twice))?.period.bySource.bund).toBe(100);
  });

  it("is null without a finance grid", () => {
    expect(financeSummary(gridsOfDoc(docOf({ type: "paragraph" })))).toBeNull();
  });
});

describe("empty Förderbereiche of the goal grid", () => {
  it("lists areas whose grid has no goal text, and missing grids", () => {
    const doc = docOf(
      goalGrid("fb1", [{ goal: "Informiert", measure: "Gespräch" }]),
      goalGrid("fb2", [{ measure: "Kurse" }]),
    );
    expect(emptyGoalAreas(gridsOfDoc(doc))).toEqual(["fb2", "fb3", "fb4", "fb5", "fb6", "fb7"]);
    expect(emptyGoalAreas(gridsOfDoc(docOf({ type: "paragraph" })))).toBeNull();
  });
});
