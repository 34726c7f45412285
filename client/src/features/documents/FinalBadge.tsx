import { useTranslation } from "react-i18next";
import type { DocumentSummary } from "../../../../shared/api/schemas.ts";
import { formatDate } from "../../lib/formatDateTime.ts";

/**
 * "Unterzeichnet am … von …" (a concept: "Abgeschlossen am … (Prüfung durch das SEM)") on a
 * final document, in the header and the list (`final-badge`); nothing otherwise.
 */
export function FinalBadge({ doc }: { doc: Pick<DocumentSummary, "final" | "kind"> }) {
  const { t, i18n } = useTranslation();
  if (!doc.final) return null;
  const date = formatDate(doc.final.at, i18n.language);
  const text =
    doc.kind === "concept"
      ? t("finalState.concluded", { date })
      : t("finalState.signed", { date, names: doc.final.by.join(", ") });
  return (
    <span className="badge badge--final" data-testid="final-badge">
      {text}
    </span>
  );
}
