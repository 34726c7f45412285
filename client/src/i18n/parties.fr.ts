import type { deParties } from "./parties.de.ts";

/** French texts of document parties, organisations and the member picker. */
export const frParties: typeof deParties = {
  canton: "Canton",
  parties: "Parties : {{canton}} et {{federal}}",
  chooseCanton: "Choisir le canton …",
  group: "Programme {{canton}}",
  noCanton: "Sans canton",
  candidate: "Personne",
  chooseCandidate: "Choisir une personne …",
  noCandidates: "Toutes les personnes des organisations parties sont déjà membres.",
  notCandidate: "Cette personne ne peut pas être ajoutée : elle n'appartient à aucune organisation partie.",
  conflict: "Cet identifiant ou ce domaine est déjà attribué.",
};
