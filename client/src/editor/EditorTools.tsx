import { useTranslation } from "react-i18next";

interface EditorToolsProps {
  /** Opens find and replace (`toolbar-find`). */
  onFind: () => void;
  /** Opens the list of keyboard shortcuts (`toolbar-shortcuts`). */
  onShortcuts: () => void;
}

/** Find and the shortcut list: in the toolbar for those who edit, alone above the text for readers. */
export function EditorTools({ onFind, onShortcuts }: EditorToolsProps) {
  const { t } = useTranslation();
  return (
    <div className="toolbar__group">
      <button
        type="button"
        className="toolbar__button"
        data-testid="toolbar-find"
        aria-label={t("editing.findButton")}
        title={`${t("editing.findButton")} (Ctrl+F)`}
        onClick={onFind}
      >
        {t("editing.find")}
      </button>
      <button
        type="button"
        className="toolbar__button"
        data-testid="toolbar-shortcuts"
        aria-label={t("editing.shortcutsButton")}
        title={`${t("editing.shortcutsButton")} (Ctrl+/)`}
        onClick={onShortcuts}
      >
        ?
      </button>
    </div>
  );
}
