import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import "../../styles/decision.css";

/**
 * The confirmation before a state of the Verlauf is put back (`history-confirm`): what happens
 * (a new change in the caller's name, nothing of the history lost). Escape or Cancel goes back;
 * focus starts on Cancel, so a stray Enter does not restore.
 */
export function ConfirmRestore({
  when,
  busy,
  onConfirm,
  onCancel,
}: {
  when: { day: string; span: string };
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div className="decision-dialog__backdrop">
      <div
        className="decision-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="history-confirm-title"
        aria-describedby="history-confirm-text"
        data-testid="history-confirm"
        onKeyDown={(e) => {
          if (e.key === "Escape") onCancel();
        }}
      >
        <h2 id="history-confirm-title" className="decision-dialog__title">
          {t("history.confirmTitle")}
        </h2>
        <p id="history-confirm-text">{t("history.confirmText", when)}</p>
        <div className="thread__actions">
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={onConfirm}
            data-testid="history-confirm-restore"
          >
            {t("history.confirm")}
          </button>
          <button
            ref={cancelRef}
            type="button"
            className="button button--small button--quiet"
            onClick={onCancel}
            data-testid="history-confirm-cancel"
          >
            {t("history.cancel")}
          </button>
        </div>
      </div>
    </div>
  );
}
