import { parseAmount } from "./amount.ts";
import { FOERDERBEREICHE, GOAL_FIELDS, SOURCES } from "./areas.ts";
import { type Grid, gridKey, labelText } from "./grids.ts";

/**
 * Why a finance grid's shape is not the fixed one, or null. Strict on purpose: a header row,
 * then exactly the seven Förderbereiche in order, each a label cell (field `area`, its id,
 * the official name in both readings) and one amount cell per source in order. Totals and the
 * matching check read this shape, and the SEM's Finanzraster has no other rows; a
 * Förderbereich with nothing budgeted keeps its row with empty cells. So nobody, owner
 * included, adds, removes, reorders or renames a row, not even as a suggestion.
 */
function financeShapeProblem(grid: Grid): string | null {
  if (grid.year === null) return "a finance grid needs its year";
  const body = grid.rows.slice(1);
  if (grid.rows.length !== FOERDERBEREICHE.length + 1 || (grid.rows[0]?.length ?? 0) !== SOURCES.length + 1) {
    return "the finance grid keeps its header and the seven Förderbereiche rows";
  }
  for (const [i, area] of FOERDERBEREICHE.entries()) {
    const row = body[i] ?? [];
    const [label, ...amounts] = row;
    if (
      label?.attrs.field !== "area" ||
      label.attrs.area !== area.id ||
      labelText(label.accepted) !== area.name ||
      labelText(label.rejected) !== area.name
    ) {
      return `the finance grid's row ${i + 1} must stay «${area.name}»`;
    }
    if (
      amounts.length !== SOURCES.length ||
      amounts.some((c, j) => c.attrs.field !== "amount" || c.attrs.source !== SOURCES[j])
    ) {
      return `the finance grid's row «${area.name}» keeps one amount cell per source`;
    }
  }
  return null;
}

/** Why a goal grid's shape is not the fixed one: its Förderbereich, and five columns in every row, at least one body row. */
function goalShapeProblem(grid: Grid): string | null {
  if (grid.area === null) return "a goal grid needs its Förderbereich";
  if (grid.rows.length < 2 || grid.rows.some((row) => row.length !== GOAL_FIELDS.length)) {
    return "a goal grid keeps its five columns and at least one row";
  }
  return null;
}

/** Why an amount cell of a finance grid holds something that is not an amount (in either reading), or null. */
function amountProblem(grid: Grid): string | null {
  for (const row of grid.rows) {
    for (const cell of row) {
      if (cell.attrs.field !== "amount") continue;
      if (parseAmount(cell.accepted) === "invalid" || parseAmount(cell.rejected) === "invalid") {
        return "an amount cell holds CHF in whole francs (1'000'000) or nothing";
      }
    }
  }
  return null;
}

/**
 * Why a change to grids is refused, or null: `before` and `after` are the grids of the
 * changed region. Every grid that was there stays (none removed, none turned into another
 * grid or a plain table), none is there twice, each grid in `after` has its fixed shape, and amount cells hold
 * amounts in both readings, so a suggestion cannot smuggle text into them.
 */
export function gridChangeProblem(before: readonly Grid[], after: readonly Grid[]): string | null {
  const remaining = new Map<string, number>();
  for (const grid of after) remaining.set(gridKey(grid), (remaining.get(gridKey(grid)) ?? 0) + 1);
  for (const grid of before) {
    const left = remaining.get(gridKey(grid)) ?? 0;
    if (left === 0) return `the ${grid.kind === "finance" ? "finance" : "goal"} grid cannot be removed`;
    remaining.set(gridKey(grid), left - 1);
  }
  const seen = new Set<string>();
  for (const grid of after) {
    if (seen.has(gridKey(grid))) return "a document holds each grid once";
    seen.add(gridKey(grid));
    const problem =
      (grid.kind === "finance" ? financeShapeProblem(grid) : goalShapeProblem(grid)) ?? amountProblem(grid);
    if (problem) return problem;
  }
  return null;
}
