import type { deParties } from "./parties.de.ts";

/**
 * Italian texts of document parties, organisations and the member picker. The UI has no
 * Italian catalogue yet; merge these as `parties` once it has one.
 */
export const itParties: Partial<typeof deParties> = {
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
