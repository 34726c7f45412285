import type { deParties } from "./parties.de.ts";

/** English texts of document parties, organisations and the member picker. */
export const enParties: typeof deParties = {
  canton: "Canton",
  parties: "Parties: {{canton}} and {{federal}}",
  chooseCanton: "Choose the canton …",
  group: "Programme {{canton}}",
  noCanton: "No canton",
  candidate: "Person",
  chooseCandidate: "Choose a person …",
  noCandidates: "Everyone of the parties' organisations is a member already.",
  notCandidate: "This person cannot be added: they belong to none of the parties' organisations.",
  conflict: "This id or domain is taken already.",
};
