/**
 * German texts of the final state and amendments (issue 15, item 1): a part of the reference
 * catalogue (de.ts).
 */
export const finalStateDe = {
  finalState: {
    signed: "Unterzeichnet am {{date}} von {{names}}",
    concluded: "Abgeschlossen am {{date}} (Prüfung durch das SEM)",
    readOnly: "Dieses Dokument ist endgültig: Text und Kommentare können nicht mehr geändert werden.",
    readOnlyAgreement:
      "Diese Programmvereinbarung ist unterzeichnet und endgültig: Text und Kommentare können nicht mehr geändert werden. Änderungen erfolgen über einen Nachtrag.",
    nowFinal: "Der letzte Meilenstein ist erreicht: Das Dokument ist jetzt endgültig und schreibgeschützt.",
    amends: "Nachtrag zu",
    amendments_one: "Nachtrag:",
    amendments_other: "Nachträge:",
    start: "Nachtrag beginnen",
    starting: "Nachtrag wird erstellt …",
  },
};

/** German messages of the final state's error codes. */
export const finalStateErrorsDe = {
  document_final: "Dieses Dokument ist endgültig und kann nicht mehr geändert werden. Beginnen Sie einen Nachtrag.",
  not_final: "Ein Nachtrag kann nur zu einer unterzeichneten Programmvereinbarung begonnen werden.",
};
