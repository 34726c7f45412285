import type { gridsDe } from "./grids.de.ts";
import type { Translation } from "./Translation.ts";

/** Italian texts of the KIP grids, their totals and checks. */
export const gridsIt: Pick<Translation, keyof typeof gridsDe> = {
  grids: {
    insertLabel: "Inserisci griglia",
    insertChoose: "Inserisci griglia …",
    insertFinance: "Griglia finanziaria {{year}}",
    insertGoals: "Griglia degli obiettivi (tutti i settori)",
    insertExists: "Questa griglia è già nel documento.",
    insertRefused: "Una griglia può essere inserita solo fuori da una tabella e non in modalità proposta.",
    financeTitle: "Griglia finanziaria: totali e cofinanziamento",
    year: "Anno",
    period: "2024–2027",
    total: "Totale",
    cantonSide: "Cantone + Comuni",
    cantonOnly: "Cantone",
    matching: "Cofinanziamento",
    matchingOk: "rispettato",
    matchingFailed: "non rispettato",
    byArea: "Totali per settore di promozione",
    bySource: "Totali per fonte",
    rule: "Art. 16 OIntS: il Cantone (Comuni inclusi) spende almeno quanto la Confederazione, ogni anno e in totale.",
    ruleCantonOnly: "Art. 16 OIntS: il Cantone spende almeno quanto la Confederazione, ogni anno e in totale.",
    checkMatchingOk: "Cofinanziamento {{year}} rispettato",
    checkMatchingFailed: "Cofinanziamento {{year}} non rispettato: Cantone {{cantonSide}} < Confederazione {{bund}}",
    checkGoalsEmpty: "Il settore «{{name}}» non ha ancora un obiettivo",
    checkGoalsOk: "Ogni settore di promozione ha un obiettivo",
    sources: {
      bund: "Confederazione (CPI)",
      kanton: "Cantone",
      gemeinden: "Comuni",
      dritte: "Terzi",
    },
    goals: {
      goal: "Obiettivo",
      measure: "Misura",
      indicator: "Indicatore",
      responsibility: "Responsabilità",
      target: "Valore obiettivo",
    },
    area: "Settore di promozione",
    areas: {
      fb1: "Informazione, accertamento del bisogno d'integrazione e consulenza",
      fb2: "Lingua",
      fb3: "Idoneità alla formazione e al mercato del lavoro",
      fb4: "Prima infanzia",
      fb5: "Convivenza e partecipazione",
      fb6: "Gestione della diversità e protezione dalla discriminazione",
      fb7: "Interpretariato",
    },
  },
};
