import { type Editor, useEditorState } from "@tiptap/react";
import { useTranslation } from "react-i18next";
import { formatAmount } from "../../../../shared/finance/amount.ts";
import { FOERDERBEREICHE, SOURCES } from "../../../../shared/finance/areas.ts";
import { financeOf } from "./docGrids.ts";

/**
 * Totals of the finance grid and the matching rule (VIntA Art. 16), computed live from the
 * editor's document (suggestions read as accepted) with the same module the server's check
 * uses; nothing when the document has no finance grid.
 */
export function FinancePanel({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const summary = useEditorState({ editor, selector: ({ editor: e }) => financeOf(e.state.doc) });
  if (!summary) return null;
  const cantonLabel = summary.countsCommunes ? t("grids.cantonSide") : t("grids.cantonOnly");
  const periods = [
    ...summary.years.map((y) => [String(y.year), String(y.year), y] as const),
    ["total", t("grids.period"), summary.period] as const,
  ];
  return (
    <section className="panel finance" aria-labelledby="finance-heading" data-testid="finance-panel">
      <h2 className="panel__title" id="finance-heading">
        {t("grids.financeTitle")}
      </h2>
      <p className="panel__hint">{summary.countsCommunes ? t("grids.rule") : t("grids.ruleCantonOnly")}</p>
      <table className="finance__table">
        <thead>
          <tr>
            <th scope="col">{t("grids.year")}</th>
            <th scope="col">{t("grids.sources.bund")}</th>
            <th scope="col">{cantonLabel}</th>
            <th scope="col">{t("grids.matching")}</th>
          </tr>
        </thead>
        <tbody>
          {periods.map(([key, label, totals]) => (
            <tr key={key} data-testid={`finance-year-${key}`} data-ok={String(totals.ok)}>
              <th scope="row">{label}</th>
              <td>{formatAmount(totals.bySource.bund)}</td>
              <td>{formatAmount(totals.cantonSide)}</td>
              <td className={totals.ok ? "finance__ok" : "finance__failed"}>
                {totals.ok ? `✓ ${t("grids.matchingOk")}` : `⚠ ${t("grids.matchingFailed")}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{t("grids.bySource")}</summary>
        <div className="finance__scroll">
          <table className="finance__table">
            <thead>
              <tr>
                <th scope="col">{t("grids.year")}</th>
                {SOURCES.map((s) => (
                  <th scope="col" key={s}>
                    {t(`grids.sources.${s}`)}
                  </th>
                ))}
                <th scope="col">{t("grids.total")}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map(([key, label, totals]) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  {SOURCES.map((s) => (
                    <td key={s}>{formatAmount(totals.bySource[s])}</td>
                  ))}
                  <td>{formatAmount(totals.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
      <details>
        <summary>{t("grids.byArea")}</summary>
        <div className="finance__scroll">
          <table className="finance__table">
            <tbody>
              {FOERDERBEREICHE.map((area) => (
                <tr key={area.id}>
                  <th scope="row">{t(`grids.areas.${area.id}`)}</th>
                  {summary.years.map((y) => (
                    <td key={y.year}>{formatAmount(y.byArea[area.id])}</td>
                  ))}
                  <td>{formatAmount(summary.period.byArea[area.id])}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
