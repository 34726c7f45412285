import { parseAmount } from "./amount.ts";
import { AREA_IDS, type AreaId, COMMUNES_COUNT_TOWARDS_MATCHING, GOAL_FIELDS, SOURCES, type Source } from "./areas.ts";
import type { Grid } from "./grids.ts";

/** Sums of one year (or of the whole period): per source, per Förderbereich, in all, and the matching rule's result. */
export interface FinanceTotals {
  bySource: Record<Source, number>;
  byArea: Record<AreaId, number>;
  total: number;
  /** Kanton, plus Gemeinden when they count: the side that must match the federal contribution. */
  cantonSide: number;
  /** VIntA Art. 16: cantonSide ≥ Bund. */
  ok: boolean;
}

/** The finance grid's totals per year (in grid order), over the period, and whether the matching rule holds everywhere. */
export interface FinanceSummary {
  years: (FinanceTotals & { year: number })[];
  period: FinanceTotals;
  countsCommunes: boolean;
  ok: boolean;
}

const zeroBySource = (): Record<Source, number> => ({ bund: 0, kanton: 0, gemeinden: 0, dritte: 0 });
const zeroByArea = (): Record<AreaId, number> =>
  Object.fromEntries(AREA_IDS.map((id) => [id, 0])) as Record<AreaId, number>;

function settle(t: Omit<FinanceTotals, "cantonSide" | "ok">, countsCommunes: boolean): FinanceTotals {
  const cantonSide = t.bySource.kanton + (countsCommunes ? t.bySource.gemeinden : 0);
  return { ...t, cantonSide, ok: cantonSide >= t.bySource.bund };
}

/**
 * The totals of every finance grid in `grids`, read as accepted (suggestions taken), and
 * the matching rule per year and in total. An unreadable amount (stored before the policy
 * refused them) counts as 0. Null when the document has no finance grid.
 */
export function financeSummary(
  grids: readonly Grid[],
  countsCommunes: boolean = COMMUNES_COUNT_TOWARDS_MATCHING,
): FinanceSummary | null {
  // One grid per year: a second one (only a raw client far from the first could place it) is not counted twice.
  const finance = grids.filter(
    (g, i) =>
      g.kind === "finance" &&
      g.year !== null &&
      grids.findIndex((o) => o.kind === "finance" && o.year === g.year) === i,
  );
  if (finance.length === 0) return null;
  const period = { bySource: zeroBySource(), byArea: zeroByArea(), total: 0 };
  const years = finance.map((grid) => {
    const year = { bySource: zeroBySource(), byArea: zeroByArea(), total: 0 };
    for (const row of grid.rows) {
      const area = row[0]?.attrs.field === "area" ? (row[0].attrs.area as AreaId) : null;
      for (const cell of row) {
        const source = cell.attrs.source as Source;
        if (cell.attrs.field !== "amount" || !SOURCES.includes(source)) continue;
        const parsed = parseAmount(cell.accepted);
        const value = typeof parsed === "number" ? parsed : 0;
        year.bySource[source] += value;
        period.bySource[source] += value;
        if (area && AREA_IDS.includes(area)) {
          year.byArea[area] += value;
          period.byArea[area] += value;
        }
        year.total += value;
        period.total += value;
      }
    }
    return { year: grid.year as number, ...settle(year, countsCommunes) };
  });
  const total = settle(period, countsCommunes);
  return { years, period: total, countsCommunes, ok: total.ok && years.every((y) => y.ok) };
}

/**
 * The Förderbereiche without a goal (no body row of their goal grid has text in the goal
 * column, accepted reading), in order; a Förderbereich whose goal grid is missing counts as
 * empty. Null when the document has no goal grid at all.
 */
export function emptyGoalAreas(grids: readonly Grid[]): AreaId[] | null {
  const goals = grids.filter((g) => g.kind === "goals");
  if (goals.length === 0) return null;
  const goalColumn = GOAL_FIELDS.indexOf("goal");
  const filled = new Set(
    goals
      .filter((g) => g.rows.slice(1).some((row) => (row[goalColumn]?.accepted ?? "").trim() !== ""))
      .map((g) => g.area),
  );
  return AREA_IDS.filter((id) => !filled.has(id));
}
