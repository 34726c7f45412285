import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Dialog } from "../lib/Dialog.tsx";

interface LinkDialogProps {
  open: boolean;
  /** The link at the selection, to change it. */
  initial: string;
  /** The address typed (empty: remove the link); applyLink decides what it does. */
  onSubmit: (href: string) => void;
  onClose: () => void;
  /** Focus after closing: back in the text. */
  focusAfter: () => void;
}

/** Asks for a link's address (`link-dialog`, `link-input`, `link-apply`, `link-remove`). */
export function LinkDialog({ open, initial, onSubmit, onClose, focusAfter }: LinkDialogProps) {
  const { t } = useTranslation();
  const [href, setHref] = useState(initial);
  const [shownFor, setShownFor] = useState(open);
  // Prefilled afresh each time it opens, with the link at the selection then.
  if (open !== shownFor) {
    setShownFor(open);
    if (open) setHref(initial);
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(href);
  };
  return (
    <Dialog open={open} title={t("editing.linkTitle")} onClose={onClose} testId="link-dialog" focusAfter={focusAfter}>
      <form onSubmit={submit}>
        <label className="field">
          <span className="field__label">{t("toolbar.linkPrompt")}</span>
          <input
            type="text"
            inputMode="url"
            value={href}
            onChange={(e) => setHref(e.target.value)}
            data-testid="link-input"
          />
        </label>
        <div className="dialog__actions">
          {initial && (
            <button
              type="button"
              className="button button--quiet"
              data-testid="link-remove"
              onClick={() => onSubmit("")}
            >
              {t("editing.linkRemove")}
            </button>
          )}
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t("editing.cancel")}
          </button>
          <button type="submit" className="button" data-testid="link-apply">
            {t("editing.linkApply")}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
