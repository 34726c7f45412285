import { type ReactNode, useEffect, useId, useRef } from "react";
import { useTranslation } from "react-i18next";

interface DialogProps {
  /** Shown while true; closing (Escape, the close button) calls `onClose`, which sets it false. */
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
  /** Modeless: the page behind stays usable (find and replace, so the text can be read and selected). */
  modeless?: boolean;
  /** Where the focus goes on closing, instead of back to the element that had it (the text, after a link is set). */
  focusAfter?: () => void;
}

/**
 * An accessible dialog on the native `<dialog>`: modal by default (`showModal`, so the
 * browser keeps focus inside and makes the page behind inert), labelled by its title,
 * closed by Escape, focus on the element marked `data-autofocus` (else the first field),
 * and focus goes back to where it was when it opened.
 */
export function Dialog({ open, title, onClose, children, testId, modeless = false, focusAfter }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const after = useRef(focusAfter);
  after.current = focusAfter;
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (modeless) dialog.show();
    else dialog.showModal();
    // The field or the safe button that asks for it, else the first field, else the first action.
    const first =
      dialog.querySelector<HTMLElement>("[data-autofocus]") ??
      dialog.querySelector<HTMLElement>("input, select, textarea") ??
      dialog.querySelector<HTMLElement>(".dialog__body button");
    first?.focus();
    return () => {
      dialog.close();
      if (after.current) after.current();
      else opener?.focus();
    };
  }, [open, modeless]);
  return (
    <dialog
      ref={ref}
      className={modeless ? "dialog dialog--modeless" : "dialog"}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(e) => {
        // Escape: React state decides, so the element does not close behind its back.
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        // A modeless dialog gets no cancel event from the browser.
        if (modeless && e.key === "Escape") {
          e.preventDefault();
          onClose();
        }
      }}
    >
      {open && (
        <>
          <header className="dialog__header">
            <h2 id={titleId} className="dialog__title">
              {title}
            </h2>
            <button
              type="button"
              className="dialog__close link-button"
              aria-label={t("editing.close")}
              data-testid={testId ? `${testId}-close` : undefined}
              onClick={onClose}
            >
              ×
            </button>
          </header>
          <div className="dialog__body">{children}</div>
        </>
      )}
    </dialog>
  );
}
