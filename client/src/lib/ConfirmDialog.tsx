import { useTranslation } from "react-i18next";
import { Dialog } from "./Dialog.tsx";

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  message: string;
  /** Optional second line, e.g. that Ctrl+Z undoes it. */
  hint?: string;
  confirmLabel: string;
  /** While the action runs: the confirm button is disabled. */
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** `<testId>`, `<testId>-message`, `<testId>-confirm`, `<testId>-cancel`. */
  testId: string;
}

/** Asks before an action that changes much at once; Cancel has the focus, so Enter does no harm. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { t } = useTranslation();
  const { open, title, message, hint, confirmLabel, busy, onConfirm, onCancel, testId } = props;
  return (
    <Dialog open={open} title={title} onClose={onCancel} testId={testId}>
      <p data-testid={`${testId}-message`}>{message}</p>
      {hint && <p className="muted">{hint}</p>}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--quiet"
          data-autofocus
          data-testid={`${testId}-cancel`}
          onClick={onCancel}
        >
          {t("editing.cancel")}
        </button>
        <button type="button" className="button" disabled={busy} data-testid={`${testId}-confirm`} onClick={onConfirm}>
          {confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}
