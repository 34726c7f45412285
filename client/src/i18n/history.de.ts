/** German texts of the Verlauf (issue 16): every editing session, its redline, its restore. */
export const historyDe = {
  history: {
    title: "Verlauf",
    show: "Verlauf anzeigen",
    hide: "Verlauf ausblenden",
    refresh: "Aktualisieren",
    empty: "Noch keine Änderungen.",
    loading: "Verlauf wird geladen …",
    system: "System",
    span: "{{from}}–{{to}}",
    open: "Änderungen anzeigen",
    entryTitle: "Änderungen von {{names}}, {{day}} {{span}}",
    restore: "Diesen Stand wiederherstellen",
    confirmTitle: "Stand wiederherstellen?",
    confirmText:
      "Der Text wird auf den Stand nach diesen Änderungen ({{day}} {{span}}) gesetzt. Das geschieht als neue Änderung in Ihrem Namen; der Verlauf bleibt vollständig erhalten.",
    confirm: "Wiederherstellen",
    cancel: "Abbrechen",
    restored: "Der Stand wurde als neue Änderung wiederhergestellt.",
    entries_one: "{{count}} Eintrag",
    entries_other: "{{count}} Einträge",
  },
};
