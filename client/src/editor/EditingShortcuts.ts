import { Extension } from "@tiptap/core";

/** What the editor's own shortcuts open; read when the key is pressed, so the page's current handlers run. */
export interface EditingActions {
  find: () => void;
  replace: () => void;
  shortcuts: () => void;
  comment: () => void;
}

export interface EditingShortcutsOptions {
  actions: () => EditingActions | null;
}

/**
 * Ctrl+F find, Ctrl+H find and replace, Ctrl+/ the shortcut list, Ctrl+Alt+M a comment on the
 * selection (as in Word and Google Docs). Handled (and the browser's own action suppressed)
 * only while the editor has the focus.
 */
export const EditingShortcuts = Extension.create<EditingShortcutsOptions>({
  name: "editingShortcuts",
  addOptions: () => ({ actions: () => null }),
  addKeyboardShortcuts() {
    const run = (name: keyof EditingActions) => () => {
      const actions = this.options.actions();
      if (!actions) return false;
      actions[name]();
      return true;
    };
    return {
      "Mod-f": run("find"),
      "Mod-h": run("replace"),
      "Mod-/": run("shortcuts"),
      "Mod-Alt-m": run("comment"),
    };
  },
});
