import { useTranslation } from "react-i18next";
import type { DocumentWaiting } from "../../../../shared/api/notifications.ts";

/**
 * What waits for the user in a document, as badges (`waiting-approval`, `waiting-replies`,
 * `waiting-suggestions`) in a labelled group; nothing when nothing waits.
 */
export function WaitingBadges({ waiting }: { waiting: DocumentWaiting }) {
  const { t } = useTranslation();
  if (!waiting.approval && waiting.replies === 0 && waiting.suggestions === 0) return null;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of badges, not a form's fieldset
    <span className="waiting" role="group" aria-label={t("waiting.label")} data-testid="doc-waiting">
      {waiting.approval && (
        <span className="badge badge--warning" title={t("waiting.approvalHint")} data-testid="waiting-approval">
          {t("waiting.approval")}
        </span>
      )}
      {waiting.replies > 0 && (
        <span className="badge badge--role" data-testid="waiting-replies">
          {t("waiting.replies", { count: waiting.replies })}
        </span>
      )}
      {waiting.suggestions > 0 && (
        <span className="badge badge--role" data-testid="waiting-suggestions">
          {t("waiting.suggestions", { count: waiting.suggestions })}
        </span>
      )}
    </span>
  );
}
