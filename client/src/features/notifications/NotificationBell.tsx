import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { NotificationPanel } from "./NotificationPanel.tsx";
import { useInbox } from "./useInbox.ts";
import "../../styles/notifications.css";

/**
 * The bell in the header (`notification-bell`, its count `notification-count`): opens the
 * inbox below it; Escape or a click outside closes it.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const unread = inbox.list?.unread ?? 0;
  const { reload } = inbox;

  useEffect(() => {
    if (!open) return;
    reload();
    const outside = (e: MouseEvent) => {
      if (root.current && e.target instanceof Node && !root.current.contains(e.target)) setOpen(false);
    };
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("mousedown", outside);
    document.addEventListener("keydown", onEscape);
    return () => {
      document.removeEventListener("mousedown", outside);
      document.removeEventListener("keydown", onEscape);
    };
  }, [open, reload]);

  return (
    <div className="bell" ref={root}>
      <button
        ref={button}
        type="button"
        className="button button--quiet bell__button"
        aria-label={unread > 0 ? t("inbox.bell", { count: unread }) : t("inbox.bellNone")}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-testid="notification-bell"
        data-unread={unread}
        onClick={() => setOpen((o) => !o)}
      >
        <svg className="bell__icon" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            d="M12 2a6 6 0 0 0-6 6v3.6l-1.7 3.4A1 1 0 0 0 5.2 16.5h13.6a1 1 0 0 0 .9-1.5L18 11.6V8a6 6 0 0 0-6-6Zm0 20a3 3 0 0 0 2.8-2h-5.6A3 3 0 0 0 12 22Z"
            fill="currentColor"
          />
        </svg>
        {unread > 0 && (
          <span className="bell__count" data-testid="notification-count" aria-hidden="true">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && <NotificationPanel id={panelId} inbox={inbox} onClose={() => setOpen(false)} />}
    </div>
  );
}
