import { getSchema, type JSONContent } from "@tiptap/core";
import { formatAmount } from "../../shared/finance/amount.ts";
import { FOERDERBEREICHE } from "../../shared/finance/areas.ts";
import { gridsOfDoc } from "../../shared/finance/read.ts";
import { emptyGoalAreas, type FinanceTotals, financeSummary } from "../../shared/finance/totals.ts";
import { schemaExtensions } from "../../shared/schema/extensions.ts";

const schema = getSchema(schemaExtensions());

const figures = (t: FinanceTotals) =>
  `Bund ${formatAmount(t.bySource.bund)} · Kanton ${formatAmount(t.bySource.kanton)} · Gemeinden ${formatAmount(t.bySource.gemeinden)} · Dritte ${formatAmount(t.bySource.dritte)} · Total ${formatAmount(t.total)}`;

const verdict = (t: FinanceTotals) =>
  t.ok
    ? "Mitfinanzierung erfüllt"
    : `Mitfinanzierung NICHT erfüllt (${formatAmount(t.cantonSide)} < ${formatAmount(t.bySource.bund)})`;

/**
 * What every export prints about the document's KIP grids, in German like the cover block:
 * the finance grid's totals per year, per source and per Förderbereich, the matching rule's
 * result per year and in total (VIntA Art. 16), and the Förderbereiche without a goal. Read
 * from the exported text itself (suggestions accepted, as the check reads them), so the lines
 * are as deterministic as the text. Empty when the document has no grid.
 */
export function gridSummaryLines(doc: JSONContent): string[] {
  let grids: ReturnType<typeof gridsOfDoc>;
  try {
    grids = gridsOfDoc(schema.nodeFromJSON(doc));
  } catch {
    // Content the schema cannot read is exported as well as it can be; it has no summary.
    return [];
  }
  const lines: string[] = [];
  const finance = financeSummary(grids);
  if (finance) {
    lines.push(
      `Finanzraster, Summen in CHF; Mitfinanzierung nach Art. 16 VIntA: ${finance.countsCommunes ? "Kanton + Gemeinden" : "Kanton"} ≥ Bund`,
    );
    for (const y of finance.years) lines.push(`${y.year}: ${figures(y)} · ${verdict(y)}`);
    lines.push(`Gesamt: ${figures(finance.period)} · ${verdict(finance.period)}`);
    lines.push(
      `Je Förderbereich gesamt: ${FOERDERBEREICHE.map((a) => `${a.name} ${formatAmount(finance.period.byArea[a.id])}`).join("; ")}`,
    );
  }
  const empty = emptyGoalAreas(grids);
  if (empty) {
    const names = FOERDERBEREICHE.filter((a) => empty.includes(a.id)).map((a) => a.name);
    lines.push(
      names.length === 0
        ? "Zielraster: jeder Förderbereich hat ein Ziel"
        : `Zielraster, Förderbereiche ohne Ziel: ${names.join("; ")}`,
    );
  }
  return lines;
}
