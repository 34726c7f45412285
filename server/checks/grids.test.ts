import { describe, expect, it } from "vitest";
import { financeGrid, goalGrid } from "../../shared/finance/build.ts";
import { docWith, paragraph } from "../../tests/helpers/headlessEditor.ts";
import { blockingResults, runChecks } from "./registry.ts";

const parties = ["kanton-so", "sem"];

describe("grid checks in the registry", () => {
  // 2024: Bund 100'000, Kanton 60'000 + Gemeinden 30'000 = 90'000 < 100'000: fails.
  const doc = docWith([
    paragraph("Finanzen"),
    financeGrid(2024, { fb1: [100_000, 60_000, 30_000, 0] }),
    goalGrid("fb1", [{ goal: "Informiert" }]),
    goalGrid("fb2", []),
  ]);
  const results = runChecks({ kind: "agreement", parties, doc });

  it("reports the matching rule per year and in total, with its figures and a German title", () => {
    const matching = results.filter((r) => r.id === "finance.matching");
    expect(matching.map((r) => [r.params.year, r.ok, r.params.cantonSide, r.params.bund])).toEqual([
      [2024, false, 90_000, 100_000],
      ["total", false, 90_000, 100_000],
    ]);
    expect(matching[0]?.params.title).toBe("Mitfinanzierung 2024: Kanton + Gemeinden 90'000 < Bund 100'000");
  });

  it("lists every Förderbereich without a goal, missing goal grids included", () => {
    expect(results.filter((r) => r.id === "goals.empty").map((r) => r.params.area)).toEqual([
      "fb2",
      "fb3",
      "fb4",
      "fb5",
      "fb6",
      "fb7",
    ]);
  });

  it("blocks pv-bereinigt with a failing matching rule or an empty Förderbereich, and no other milestone", () => {
    const ids = new Set(blockingResults(results, "pv-bereinigt").map((r) => r.id));
    expect(ids).toEqual(new Set(["finance.matching", "goals.empty"]));
    expect(blockingResults(results, "rrb-genehmigung")).toEqual([]);
  });

  it("runs no grid check on a document without grids", () => {
    const plain = runChecks({ kind: "agreement", parties, doc: docWith([paragraph("Text")]) });
    expect(plain.some((r) => r.id === "finance.matching" || r.id === "goals.empty")).toBe(false);
  });
});
