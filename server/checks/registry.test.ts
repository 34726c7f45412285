import { describe, expect, it } from "vitest";
import { sectionStatusOf, sectionsOf } from "../../shared/sections/sections.ts";
import { docWith, paragraph } from "../../tests/helpers/headlessEditor.ts";
import { blockingResults, runChecks } from "./registry.ts";

const heading = (text: string) => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const AT = "2024-03-11T09:00:00.000Z";
const settled = (by: string) => ({ status: "settled", by, at: AT });

describe("checks registry", () => {
  const doc = docWith([heading("A"), paragraph("a"), heading("B"), paragraph("b")]);
  const [a, b] = sectionsOf(doc).map((s) => s.id) as [string, string];
  sectionStatusOf(doc).set(a, { "kanton-so": settled("u-andrea"), sem: settled("u-claire") });
  sectionStatusOf(doc).set(b, { "kanton-so": settled("u-andrea") });
  const parties = ["kanton-so", "sem"];

  it("lists an agreement's unsettled sections, and passes what has nothing to report", () => {
    const results = runChecks({ kind: "agreement", parties, doc });
    expect(results.map((r) => [r.id, r.ok, r.where?.id ?? null])).toEqual([
      ["sections.unsettled", false, b],
      ["suggestions.open", true, null],
      ["threads.open", true, null],
    ]);
    expect(results[0]?.params).toEqual({ title: "B", "status:kanton-so": "settled", "status:sem": "open" });
  });

  it("has no section check for a concept", () => {
    expect(runChecks({ kind: "concept", parties, doc }).map((r) => r.id)).toEqual(["suggestions.open", "threads.open"]);
  });

  it("blocks pv-bereinigt with unsettled sections, and no other milestone", () => {
    const results = runChecks({ kind: "agreement", parties, doc });
    expect(blockingResults(results, "pv-bereinigt").map((r) => r.where?.id)).toEqual([b]);
    expect(blockingResults(results, "rrb-genehmigung")).toEqual([]);
  });

  it("ignores a stored entry that does not match the layout (it counts as open)", () => {
    sectionStatusOf(doc).set(a, { "kanton-so": { status: "done" } });
    const ids = runChecks({ kind: "agreement", parties, doc })
      .filter((r) => !r.ok)
      .map((r) => r.where?.id);
    expect(ids).toEqual([a, b]);
  });
});
