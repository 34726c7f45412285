/** German texts of the negotiation status per section and of the checks (issue 15, items 5 and 6). */
export const sectionsDe = {
  sections: {
    status: { open: "offen", discussion: "in Diskussion", settled: "bereinigt" },
    bereinigt: "bereinigt",
    partyStatus: "{{party}}: {{status}}",
    yourStatus: "Status {{party}}",
    failed: "Der Status wurde nicht gespeichert.",
  },
  checks: {
    title: "Prüfpunkte",
    refresh: "Aktualisieren",
    allOk: "Alles erledigt",
    loading: "Wird geprüft …",
    sectionsUnsettled: "Abschnitt «{{title}}» ist nicht von beiden Parteien bereinigt",
    sectionsOk: "Alle Abschnitte sind von beiden Parteien bereinigt",
    suggestionsOpen: "Offener Vorschlag: «{{text}}»",
    suggestionsOk: "Keine offenen Vorschläge",
    threadsOpen: "Offener Kommentar zu «{{quote}}»",
    threadsOk: "Keine offenen Kommentare",
    unknown: "Prüfpunkt {{id}}",
    overrideLabel: "Begründung, weshalb trotzdem angefordert wird",
    overrideHint: "Die Begründung wird in der Version festgehalten und in jedem Export gedruckt.",
  },
};

/** German message of the checks error code. */
export const sectionsErrorsDe = {
  checks_failing:
    "Offene Prüfpunkte verhindern diesen Meilenstein (z. B. nicht bereinigte Abschnitte). Beheben Sie sie oder geben Sie eine Begründung an.",
};
