import { getSchema } from "@tiptap/core";
import type { CheckResult } from "../../shared/api/checks.ts";
import { formatAmount } from "../../shared/finance/amount.ts";
import { FOERDERBEREICHE } from "../../shared/finance/areas.ts";
import type { Grid } from "../../shared/finance/grids.ts";
import { gridsOfDoc } from "../../shared/finance/read.ts";
import { emptyGoalAreas, type FinanceTotals, financeSummary } from "../../shared/finance/totals.ts";
import { schemaExtensions } from "../../shared/schema/extensions.ts";
import { readDocument } from "../versions/freeze.ts";
import { type CheckInput, passed } from "./Check.ts";

const schema = getSchema(schemaExtensions());

/** The grids of a document's live state, read once per check run (accepted reading in the totals). */
export function gridsOfInput({ doc }: Pick<CheckInput, "doc">): Grid[] {
  return gridsOfDoc(schema.nodeFromJSON(readDocument(doc).json));
}

const figures = (t: FinanceTotals) => ({
  bund: t.bySource.bund,
  kanton: t.bySource.kanton,
  gemeinden: t.bySource.gemeinden,
  dritte: t.bySource.dritte,
  cantonSide: t.cantonSide,
  total: t.total,
});

/**
 * VIntA Art. 16, the matching rule: per year and over the period, Kanton (+ Gemeinden when
 * counted) ≥ Bund. One result per year and one for the period (`year: "total"`), each with
 * its figures, so the UI, the milestone request and the exports show the same numbers. No
 * result for a document without a finance grid.
 */
export function financeMatching(input: CheckInput): CheckResult[] {
  const summary = financeSummary(gridsOfInput(input));
  if (!summary) return [];
  const result = (year: number | "total", t: FinanceTotals): CheckResult => ({
    id: "finance.matching",
    ok: t.ok,
    message: t.ok
      ? `matching rule met for ${year}`
      : `matching rule not met for ${year}: canton ${t.cantonSide} < federal ${t.bySource.bund}`,
    // `title`: what a version records and exports print (in German) when the check is overridden.
    params: {
      year,
      ...figures(t),
      countsCommunes: summary.countsCommunes ? 1 : 0,
      title: `Mitfinanzierung ${year === "total" ? "gesamt" : year}: ${summary.countsCommunes ? "Kanton + Gemeinden" : "Kanton"} ${formatAmount(t.cantonSide)} ${t.ok ? "≥" : "<"} Bund ${formatAmount(t.bySource.bund)}`,
    },
    where: { kind: "grid", id: `finance:${year}` },
  });
  return [...summary.years.map((y) => result(y.year, y)), result("total", summary.period)];
}

/** Förderbereiche without a goal in the goal grid, one result each (an open item); no result without a goal grid. */
export function emptyGoals(input: CheckInput): CheckResult[] {
  const empty = emptyGoalAreas(gridsOfInput(input));
  if (!empty) return [];
  const failing = empty.map((id): CheckResult => {
    const name = FOERDERBEREICHE.find((a) => a.id === id)?.name ?? id;
    return {
      id: "goals.empty",
      ok: false,
      message: `Förderbereich without a goal: ${name}`,
      params: { area: id, name, title: `Zielraster: ${name} ohne Ziel` },
      where: { kind: "grid", id: `goals:${id}` },
    };
  });
  return failing.length > 0 ? failing : [passed("goals.empty", "every Förderbereich has a goal")];
}
