/**
 * German texts of the approval confirmation, four eyes and signing authority (issue 15):
 * a part of the reference catalogue (de.ts).
 */
export const fourEyesDe = {
  fourEyes: {
    confirmTitle: "Entscheid bestätigen",
    confirmApprove: "Sie geben frei für {{org}}:",
    confirmReject: "Sie lehnen ab für {{org}}:",
    milestone: "Meilenstein",
    version: "Version",
    versionValue: "Nr. {{seq}}, eingefroren am {{at}} von {{name}}",
    hash: "Inhalts-Hash",
    showHash: "Ganzen Hash zeigen",
    openItems: "Offene Punkte",
    noOpenItems: "keine",
    openSuggestions_one: "{{count}} offener Vorschlag",
    openSuggestions_other: "{{count}} offene Vorschläge",
    openThreads_one: "{{count}} offener Kommentar",
    openThreads_other: "{{count}} offene Kommentare",
    reason: "Begründung",
    signatories: "Unterzeichnet durch",
    confirmSend: "Verbindlich bestätigen",
    cancel: "Abbrechen",
    ownRequest:
      "Vier-Augen-Prinzip: Sie haben diesen Meilenstein angefordert und können ihn nicht selbst für {{org}} freigeben. Ablehnen (und die Anforderung so zurückziehen) können Sie.",
    othersCan: "Freigeben können: {{names}}",
    nobodyElse:
      "In Ihrer Organisation hat sonst niemand Bearbeitungsrecht an diesem Dokument; laden Sie eine Person ein.",
    pickSignatories: "Wählen Sie eine oder zwei zeichnungsberechtigte Personen Ihrer Organisation.",
    pickLimit: "Höchstens {{count}} Personen.",
    noSignatories:
      "In Ihrer Organisation ist keine Person dieses Dokuments zeichnungsberechtigt. Die Administration kann die Zeichnungsberechtigung vergeben.",
    signingAuthority: "Zeichnungsberechtigt",
  },
};

/** German messages of the four-eyes and signatory error codes. */
export const fourEyesErrorsDe = {
  four_eyes:
    "Vier-Augen-Prinzip: Wer den Meilenstein angefordert hat, kann ihn nicht für die eigene Organisation freigeben.",
  invalid_signatory:
    "Eine gewählte Person kann nicht unterzeichnen (unbekannt, deaktiviert, nicht Ihrer Organisation, nicht Mitglied des Dokuments oder nicht zeichnungsberechtigt).",
};
