import type { JSONContent } from "@tiptap/core";
import type { TFunction } from "i18next";
import { FOERDERBEREICHE, GOAL_FIELDS, SOURCES } from "../../../../shared/finance/areas.ts";
import { financeGrid, type GridHeadings, goalGrid } from "../../../../shared/finance/build.ts";

/** Grid headings in the reader's language; row labels stay the official German names the policy checks. */
export const headingsOf = (t: TFunction): GridHeadings => ({
  area: t("grids.area"),
  sources: Object.fromEntries(SOURCES.map((s) => [s, t(`grids.sources.${s}`)])) as GridHeadings["sources"],
  goals: Object.fromEntries(GOAL_FIELDS.map((f) => [f, t(`grids.goals.${f}`)])) as GridHeadings["goals"],
});

/** An empty finance grid for `year`, under a caption. */
export const newFinanceGrid = (t: TFunction, year: number): JSONContent[] => [
  {
    type: "paragraph",
    content: [{ type: "text", text: t("grids.insertFinance", { year }), marks: [{ type: "bold" }] }],
  },
  financeGrid(year, {}, headingsOf(t)),
];

/** Empty goal grids for the Förderbereiche in `missing`, each under its name. */
export const newGoalGrids = (t: TFunction, missing: readonly string[]): JSONContent[] =>
  FOERDERBEREICHE.filter((a) => missing.includes(a.id)).flatMap((area, i) => [
    {
      type: "paragraph",
      content: [{ type: "text", text: `${i + 1} ${area.name}`, marks: [{ type: "bold" }] }],
    },
    goalGrid(area.id, [], headingsOf(t)),
  ]);
