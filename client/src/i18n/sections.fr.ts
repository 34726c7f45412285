import type { sectionsDe, sectionsErrorsDe } from "./sections.de.ts";
import type { Translation } from "./Translation.ts";

/** French texts of the negotiation status per section and of the checks. */
export const sectionsFr: Pick<Translation, keyof typeof sectionsDe> = {
  sections: {
    status: { open: "ouvert", discussion: "en discussion", settled: "réglé" },
    bereinigt: "réglé par les deux parties",
    partyStatus: "{{party}} : {{status}}",
    yourStatus: "Statut {{party}}",
    failed: "Le statut n’a pas été enregistré.",
  },
  checks: {
    title: "Points de contrôle",
    refresh: "Actualiser",
    allOk: "Tout est réglé",
    loading: "Contrôle en cours …",
    sectionsUnsettled: "La section « {{title}} » n’est pas réglée par les deux parties",
    sectionsOk: "Toutes les sections sont réglées par les deux parties",
    suggestionsOpen: "Proposition ouverte : « {{text}} »",
    suggestionsOk: "Aucune proposition ouverte",
    threadsOpen: "Commentaire ouvert sur « {{quote}} »",
    threadsOk: "Aucun commentaire ouvert",
    unknown: "Point de contrôle {{id}}",
    overrideLabel: "Motif de la demande malgré tout",
    overrideHint: "Le motif est consigné dans la version et imprimé dans chaque export.",
  },
};

/** French message of the checks error code. */
export const sectionsErrorsFr: typeof sectionsErrorsDe = {
  checks_failing:
    "Des points de contrôle ouverts empêchent cette étape (p. ex. des sections non réglées). Réglez-les ou indiquez un motif.",
};
