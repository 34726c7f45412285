import type { historyDe } from "./history.de.ts";

/** English texts of the Verlauf (history). */
export const historyEn: typeof historyDe = {
  history: {
    title: "History",
    show: "Show history",
    hide: "Hide history",
    refresh: "Refresh",
    empty: "No changes yet.",
    loading: "Loading history …",
    system: "System",
    span: "{{from}}–{{to}}",
    open: "Show changes",
    entryTitle: "Changes by {{names}}, {{day}} {{span}}",
    restore: "Restore this state",
    confirmTitle: "Restore this state?",
    confirmText:
      "The text will be set to the state after these changes ({{day}} {{span}}). This is a new change in your name; the history is kept in full.",
    confirm: "Restore",
    cancel: "Cancel",
    restored: "The state was restored as a new change.",
    entries_one: "{{count}} entry",
    entries_other: "{{count}} entries",
  },
};
