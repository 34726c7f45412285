import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/** Where the panels become tabs with a drawer: the breakpoint of layout.css. */
const DRAWER_WIDTHS = "(max-width: 64rem)";

/** The document page's panels: the outline left of the text, the others beside it. */
export type PanelId =
  | "outline"
  | "suggestions"
  | "versions"
  | "history"
  | "comments"
  | "presence"
  | "members"
  | "finance"
  | "checks";

/** A panel as its tab names it. */
export interface PanelTab {
  id: PanelId;
  label: string;
}

interface PanelTabsProps {
  panels: readonly PanelTab[];
  open: PanelId | null;
  onOpen: (id: PanelId | null) => void;
}

/**
 * One button per panel (`panel-tab-<id>`), shown only at medium widths (layout.css), where
 * the panels would otherwise start below the whole document: a click opens the panel as a
 * drawer, a second click closes it.
 */
export function PanelTabs({ panels, open, onOpen }: PanelTabsProps) {
  const { t } = useTranslation();
  return (
    <nav className="panel-tabs" aria-label={t("layout.panels")} data-testid="panel-tabs">
      {panels.map((p) => (
        <button
          key={p.id}
          type="button"
          className={open === p.id ? "toolbar__button is-active" : "toolbar__button"}
          aria-expanded={open === p.id}
          aria-controls={`panel-${p.id}`}
          data-testid={`panel-tab-${p.id}`}
          data-tab={p.id}
          onClick={() => onOpen(open === p.id ? null : p.id)}
        >
          {p.label}
        </button>
      ))}
    </nav>
  );
}

/**
 * A panel's place (`#panel-<id>`): on wide screens always shown; at medium widths only when
 * its tab is open, as a drawer with a close button; it takes the focus (so that keyboard users
 * land in it) and Escape closes it.
 */
export function SidePanel({
  id,
  open,
  onClose,
  children,
}: {
  id: PanelId;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  // The latest onClose, without re-running the effect (and taking the focus again) on every render.
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const drawer = ref.current;
    if (!open || !drawer || !window.matchMedia(DRAWER_WIDTHS).matches) return;
    drawer.focus();
    // The drawer starts below the editor's bar, so that the other tabs stay one click away.
    const place = () => {
      const bar = document.querySelector(".editor__bar");
      drawer.style.setProperty("--drawer-top", `${Math.max(0, bar?.getBoundingClientRect().bottom ?? 0)}px`);
    };
    place();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") close.current();
    };
    window.addEventListener("scroll", place, { passive: true });
    window.addEventListener("resize", place);
    document.addEventListener("keydown", onKey);
    return () => {
      window.removeEventListener("scroll", place);
      window.removeEventListener("resize", place);
      document.removeEventListener("keydown", onKey);
    };
  }, [open]);
  return (
    <div ref={ref} id={`panel-${id}`} className="side-panel" data-panel={id} data-open={open} tabIndex={-1}>
      {open && (
        <button
          type="button"
          className="button button--small side-panel__close"
          onClick={onClose}
          data-testid="drawer-close"
        >
          {t("layout.closePanel")}
        </button>
      )}
      {children}
    </div>
  );
}
