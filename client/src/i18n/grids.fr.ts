import type { gridsDe } from "./grids.de.ts";
import type { Translation } from "./Translation.ts";

/** French texts of the KIP grids, their totals and checks. */
export const gridsFr: Pick<Translation, keyof typeof gridsDe> = {
  grids: {
    insertLabel: "Insérer une grille",
    insertChoose: "Insérer une grille …",
    insertFinance: "Grille financière {{year}}",
    insertGoals: "Grille des objectifs (tous les domaines)",
    insertExists: "Cette grille figure déjà dans le document.",
    insertRefused: "Une grille ne peut être insérée qu'en dehors d'un tableau et hors du mode suggestion.",
    financeTitle: "Grille financière : totaux et cofinancement",
    year: "Année",
    period: "2024–2027",
    total: "Total",
    cantonSide: "Canton + communes",
    cantonOnly: "Canton",
    matching: "Cofinancement",
    matchingOk: "respecté",
    matchingFailed: "non respecté",
    byArea: "Totaux par domaine d'encouragement",
    bySource: "Totaux par source",
    rule: "Art. 16 OIE : le canton (communes comprises) dépense au moins autant que la Confédération, chaque année et au total.",
    ruleCantonOnly: "Art. 16 OIE : le canton dépense au moins autant que la Confédération, chaque année et au total.",
    checkMatchingOk: "Cofinancement {{year}} respecté",
    checkMatchingFailed: "Cofinancement {{year}} non respecté : canton {{cantonSide}} < Confédération {{bund}}",
    checkGoalsEmpty: "Le domaine « {{name}} » n'a pas encore d'objectif",
    checkGoalsOk: "Chaque domaine d'encouragement a un objectif",
    sources: {
      bund: "Confédération (CPI)",
      kanton: "Canton",
      gemeinden: "Communes",
      dritte: "Tiers",
    },
    goals: {
      goal: "Objectif",
      measure: "Mesure",
      indicator: "Indicateur",
      responsibility: "Responsabilité",
      target: "Valeur cible",
    },
    area: "Domaine d'encouragement",
    areas: {
      fb1: "Information, évaluation des besoins d'intégration et conseil",
      fb2: "Langue",
      fb3: "Aptitude à la formation et employabilité",
      fb4: "Petite enfance",
      fb5: "Vivre ensemble et participation",
      fb6: "Gestion de la diversité et protection contre la discrimination",
      fb7: "Interprétariat",
    },
  },
};
