/** German texts of document parties, organisations and the member picker (issue 13); merged as `parties`. */
export const deParties = {
  canton: "Kanton",
  parties: "Beteiligte: {{canton}} und {{federal}}",
  chooseCanton: "Kanton wählen …",
  group: "Programm {{canton}}",
  noCanton: "Ohne Kanton",
  candidate: "Person",
  chooseCandidate: "Person wählen …",
  noCandidates: "Alle Personen der beteiligten Organisationen sind bereits Mitglied.",
  notCandidate: "Diese Person kann nicht hinzugefügt werden: Sie gehört zu keiner beteiligten Organisation.",
  conflict: "Diese Kennung oder Domain ist bereits vergeben.",
};
