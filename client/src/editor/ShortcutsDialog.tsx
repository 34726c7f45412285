import { useTranslation } from "react-i18next";
import { Dialog } from "../lib/Dialog.tsx";

/** The keyboard shortcuts the editor offers, as the README lists them; `editing.shortcut.<key>` names each. */
export const SHORTCUTS = [
  { keys: "Ctrl+Z", action: "undo" },
  { keys: "Ctrl+Shift+Z / Ctrl+Y", action: "redo" },
  { keys: "Ctrl+B", action: "bold" },
  { keys: "Ctrl+I", action: "italic" },
  { keys: "Ctrl+F", action: "find" },
  { keys: "Ctrl+H", action: "replace" },
  { keys: "Ctrl+Alt+M", action: "comment" },
  { keys: "Ctrl+/", action: "shortcuts" },
  { keys: "Esc", action: "close" },
] as const;

/** The list of keyboard shortcuts (`shortcuts-dialog`). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Dialog open={open} title={t("editing.shortcutsTitle")} onClose={onClose} testId="shortcuts-dialog">
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t("editing.keyColumn")}</th>
            <th scope="col">{t("editing.actionColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{t(`editing.shortcut.${s.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
