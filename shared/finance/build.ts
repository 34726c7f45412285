import type { JSONContent } from "@tiptap/core";
import { formatAmount } from "./amount.ts";
import { type AreaId, FOERDERBEREICHE, GOAL_FIELDS, type GoalField, SOURCES, type Source } from "./areas.ts";

/** A cell holding one paragraph of plain text (none when empty: ProseMirror has no empty text nodes). */
const cell = (type: "tableCell" | "tableHeader", text: string, attrs: Record<string, unknown> = {}): JSONContent => ({
  type,
  attrs,
  content: [{ type: "paragraph", ...(text ? { content: [{ type: "text", text }] } : {}) }],
});

/** Header texts of a grid, in the language its document is written in (German in the demo). */
export interface GridHeadings {
  area: string;
  sources: Record<Source, string>;
  goals: Record<GoalField, string>;
}

/** The German headings of the SEM templates. */
export const GERMAN_HEADINGS: GridHeadings = {
  area: "Förderbereich",
  sources: { bund: "Bund (IFK)", kanton: "Kanton", gemeinden: "Gemeinden", dritte: "Dritte" },
  goals: {
    goal: "Ziel",
    measure: "Massnahme",
    indicator: "Indikator",
    responsibility: "Zuständigkeit",
    target: "Zielwert",
  },
};

/**
 * The finance grid of one year as document JSON: a header row and the seven Förderbereiche,
 * each with one amount cell per source; `amounts` maps an area to its amounts in source order
 * (missing: empty cells).
 */
export function financeGrid(
  year: number,
  amounts: Partial<Record<AreaId, readonly (number | null)[]>> = {},
  headings: GridHeadings = GERMAN_HEADINGS,
): JSONContent {
  return {
    type: "table",
    attrs: { grid: "finance", year },
    content: [
      {
        type: "tableRow",
        content: [
          cell("tableHeader", `${headings.area} ${year}`),
          ...SOURCES.map((s) => cell("tableHeader", headings.sources[s], { source: s })),
        ],
      },
      ...FOERDERBEREICHE.map((area) => ({
        type: "tableRow",
        content: [
          cell("tableCell", area.name, { field: "area", area: area.id }),
          ...SOURCES.map((source, i) => {
            const value = amounts[area.id]?.[i];
            return cell("tableCell", typeof value === "number" ? formatAmount(value) : "", { field: "amount", source });
          }),
        ],
      })),
    ],
  };
}

/** One row of a goal grid: its texts by column. */
export type GoalRow = Partial<Record<GoalField, string>>;

/** The goal grid of one Förderbereich as document JSON: a header row and the goal rows (one empty row when none). */
export function goalGrid(
  area: AreaId,
  rows: readonly GoalRow[] = [],
  headings: GridHeadings = GERMAN_HEADINGS,
): JSONContent {
  const body = rows.length > 0 ? rows : [{}];
  return {
    type: "table",
    attrs: { grid: "goals", area },
    content: [
      {
        type: "tableRow",
        content: GOAL_FIELDS.map((f) => cell("tableHeader", headings.goals[f], { field: f })),
      },
      ...body.map((row) => ({
        type: "tableRow",
        content: GOAL_FIELDS.map((f) => cell("tableCell", row[f] ?? "", { field: f })),
      })),
    ],
  };
}
