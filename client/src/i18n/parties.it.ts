import type { deParties } from "./parties.de.ts";

/** Italian texts of document parties, organisations and the member picker; merged as `parties` in it.ts. */
export const itParties: typeof deParties = {
  canton: "Cantone",
  parties: "Parti: {{canton}} e {{federal}}",
  chooseCanton: "Scegliere il Cantone …",
  group: "Programma {{canton}}",
  noCanton: "Senza Cantone",
  candidate: "Persona",
  chooseCandidate: "Scegliere una persona …",
  noCandidates: "Tutte le persone delle organizzazioni parti sono già membri.",
  notCandidate: "Questa persona non può essere aggiunta: non appartiene a nessuna organizzazione parte.",
  conflict: "Questo identificativo o dominio è già assegnato.",
};
