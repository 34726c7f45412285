/** German texts of the document page's layout: the panel tabs at medium widths, screen-reader names of marks. */
export const deLayout = {
  layout: {
    panels: "Bereiche des Dokuments",
    closePanel: "Bereich schliessen",
    insertion: "Vorgeschlagene Einfügung:",
    deletion: "Vorgeschlagene Löschung:",
    commented: "Kommentierte Stelle",
    markEnd: "Ende der Stelle.",
  },
};
