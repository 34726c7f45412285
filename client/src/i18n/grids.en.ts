import type { gridsDe } from "./grids.de.ts";
import type { Translation } from "./Translation.ts";

/** English texts of the KIP grids, their totals and checks. */
export const gridsEn: Pick<Translation, keyof typeof gridsDe> = {
  grids: {
    insertLabel: "Insert grid",
    insertChoose: "Insert grid …",
    insertFinance: "Finance grid {{year}}",
    insertGoals: "Goal grid (all funding areas)",
    insertExists: "This grid is already in the document.",
    insertRefused: "A grid can only be inserted outside a table and not while suggesting.",
    financeTitle: "Finance grid: totals and matching",
    year: "Year",
    period: "2024–2027",
    total: "Total",
    cantonSide: "Canton + communes",
    cantonOnly: "Canton",
    matching: "Matching",
    matchingOk: "met",
    matchingFailed: "not met",
    byArea: "Totals per funding area",
    bySource: "Totals per source",
    rule: "Art. 16 VIntA: the canton (communes included) spends at least as much as the Confederation, each year and in total.",
    ruleCantonOnly: "Art. 16 VIntA: the canton spends at least as much as the Confederation, each year and in total.",
    checkMatchingOk: "Matching {{year}} met",
    checkMatchingFailed: "Matching {{year}} not met: canton {{cantonSide}} < federal {{bund}}",
    checkGoalsEmpty: "Funding area “{{name}}” has no goal yet",
    checkGoalsOk: "Every funding area has a goal",
    sources: {
      bund: "Confederation (IFK)",
      kanton: "Canton",
      gemeinden: "Communes",
      dritte: "Third parties",
    },
    goals: {
      goal: "Goal",
      measure: "Measure",
      indicator: "Indicator",
      responsibility: "Responsibility",
      target: "Target value",
    },
    area: "Funding area",
    areas: {
      fb1: "Information, assessment of integration needs and advice",
      fb2: "Language",
      fb3: "Training and employability",
      fb4: "Early childhood",
      fb5: "Living together and participation",
      fb6: "Dealing with diversity and protection against discrimination",
      fb7: "Interpreting",
    },
  },
};
