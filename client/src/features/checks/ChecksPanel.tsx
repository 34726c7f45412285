import type { TFunction } from "i18next";
import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type * as Y from "yjs";
import type { CheckResult } from "../../../../shared/api/checks.ts";
import { formatAmount } from "../../../../shared/finance/amount.ts";
import { AREA_IDS, type AreaId } from "../../../../shared/finance/areas.ts";
import { fetchChecks } from "../../api/sections.ts";

/** A Förderbereich's name in the reader's language, the server's (German) name for an unknown id. */
function areaName(t: TFunction, id: string, fallback: string): string {
  return (AREA_IDS as readonly string[]).includes(id) ? t(`grids.areas.${id as AreaId}`) : fallback;
}

/** A check's result in the reader's language, by its id and params (the server's message is English). */
export function checkText(t: TFunction, r: CheckResult): string {
  const p = r.params;
  switch (r.id) {
    case "sections.unsettled":
      return r.ok ? t("checks.sectionsOk") : t("checks.sectionsUnsettled", { title: p.title });
    case "finance.matching": {
      const year = p.year === "total" ? t("grids.period") : String(p.year);
      const amounts = { cantonSide: formatAmount(Number(p.cantonSide)), bund: formatAmount(Number(p.bund)) };
      return r.ok ? t("grids.checkMatchingOk", { year }) : t("grids.checkMatchingFailed", { year, ...amounts });
    }
    case "goals.empty":
      return r.ok
        ? t("grids.checkGoalsOk")
        : t("grids.checkGoalsEmpty", { name: areaName(t, String(p.area), String(p.name)) });
    case "suggestions.open":
      return r.ok ? t("checks.suggestionsOk") : t("checks.suggestionsOpen", { text: p.inserted || p.deleted });
    case "threads.open":
      return r.ok ? t("checks.threadsOk") : t("checks.threadsOpen", { quote: p.quote });
    default:
      return t("checks.unknown", { id: r.id });
  }
}

/** The document's checks (`GET /checks`), refreshed a moment after the document changes. */
export function ChecksPanel({ documentId, ydoc }: { documentId: string; ydoc: Y.Doc }) {
  const { t } = useTranslation();
  const [results, setResults] = useState<CheckResult[] | null>(null);
  const load = useCallback(() => {
    fetchChecks(documentId).then(setResults, () => setResults(null));
  }, [documentId]);
  useEffect(() => {
    load();
    let timer: ReturnType<typeof setTimeout> | null = null;
    const later = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(load, 800);
    };
    ydoc.on("update", later);
    return () => {
      ydoc.off("update", later);
      if (timer) clearTimeout(timer);
    };
  }, [ydoc, load]);
  const failing = results?.filter((r) => !r.ok) ?? [];
  return (
    <section className="panel checks" aria-labelledby="checks-heading" data-testid="checks-panel">
      <h2 className="panel__title" id="checks-heading">
        {t("checks.title")}
      </h2>
      {results === null ? (
        <p className="panel__empty">{t("checks.loading")}</p>
      ) : failing.length === 0 ? (
        <p className="checks__ok" data-testid="checks-ok">
          ✓ {t("checks.allOk")}
        </p>
      ) : (
        <ul className="checks__list">
          {failing.map((r) => (
            <li key={`${r.id}:${r.where?.id ?? ""}`} className="checks__item" data-testid="check-item">
              ⚠ {checkText(t, r)}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link-button" onClick={load}>
        {t("checks.refresh")}
      </button>
    </section>
  );
}
