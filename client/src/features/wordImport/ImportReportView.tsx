import { useTranslation } from "react-i18next";
import type { ImportReportBody } from "../../../../shared/api/schemas.ts";

const IMPORTED = [
  "paragraphs",
  "headings",
  "listItems",
  "tables",
  "links",
  "insertions",
  "deletions",
  "threads",
  "replies",
] as const;
const SKIPPED = [
  "images",
  "footnotes",
  "endnotes",
  "fields",
  "textBoxes",
  "headersFooters",
  "formatChanges",
  "moves",
  "mergedCells",
  "other",
] as const;

/**
 * What an import kept and, by kind and count, what it did not (`import-report`,
 * `report-imported`, `report-skipped` with `data-kind` per line): nothing is dropped silently.
 */
export function ImportReportView({ report }: { report: ImportReportBody }) {
  const { t } = useTranslation();
  const imported = IMPORTED.filter((k) => (report.imported[k] ?? 0) > 0);
  const skipped = SKIPPED.filter((k) => (report.skipped[k] ?? 0) > 0);
  const skippedTotal = skipped.reduce((n, k) => n + (report.skipped[k] ?? 0), 0);
  return (
    <section className="import-report" data-testid="import-report" aria-labelledby="import-report-heading">
      <h3 id="import-report-heading">{t("wordImport.reportHeading")}</h3>
      <h4>{t("wordImport.importedHeading")}</h4>
      <ul data-testid="report-imported">
        {imported.map((k) => (
          <li key={k} data-kind={k}>
            {t(`wordImport.counts.${k}`, { count: report.imported[k] ?? 0 })}
          </li>
        ))}
      </ul>
      <h4>{t("wordImport.skippedHeading")}</h4>
      {skipped.length === 0 ? (
        <p className="muted" data-testid="report-skipped">
          {t("wordImport.nothingSkipped")}
        </p>
      ) : (
        <div data-testid="report-skipped">
          <p>{t("wordImport.skippedTotal", { count: skippedTotal })}</p>
          <ul>
            {skipped.map((k) => (
              <li key={k} data-kind={k}>
                {t(`wordImport.skipped.${k}`, { count: report.skipped[k] ?? 0 })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
