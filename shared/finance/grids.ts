import type { Piece } from "../suggestions/linear.ts";
import { AREA_IDS, type AreaId, GRID_KINDS } from "./areas.ts";

/** One cell of a grid, read both ways: with every suggestion accepted, and with every one rejected. */
export interface GridCell {
  attrs: Record<string, unknown>;
  /** The text once every suggestion is accepted (paragraphs joined by a line break). */
  accepted: string;
  /** The text once every suggestion is rejected. */
  rejected: string;
}

/** A grid table: its kind and key (year of a finance grid, Förderbereich of a goal grid) and its rows of cells. */
export interface Grid {
  kind: (typeof GRID_KINDS)[number];
  year: number | null;
  area: AreaId | null;
  rows: GridCell[][];
}

/** Identity of a grid in a document: kind and key, e.g. `finance:2024`, `goals:fb3`. */
export const gridKey = (grid: Grid): string => `${grid.kind}:${grid.kind === "finance" ? grid.year : grid.area}`;

/** The type and attributes of a flattened block opening (linear.ts writes `type` + JSON of its set attributes). */
function parseOpen(key: string): { type: string; attrs: Record<string, unknown> } {
  const type = /^[A-Za-z]+/.exec(key)?.[0] ?? "";
  const rest = key.slice(type.length);
  let attrs: Record<string, unknown> = {};
  if (rest) {
    try {
      const entries = JSON.parse(rest) as unknown;
      if (Array.isArray(entries)) attrs = Object.fromEntries(entries as [string, unknown][]);
    } catch {
      attrs = {};
    }
  }
  return { type, attrs };
}

const ZWSP = /\u200B/g;

/**
 * The grid tables in flattened content (top-level blocks as `piecesOfNodes` or
 * `piecesOfYElement` write them): the one representation the policy (Yjs), the checks
 * (server JSON) and the editor (ProseMirror) share. Tables without a `grid` attribute are
 * skipped. A table nested inside a grid counts as text of its cell.
 */
export function gridsOfPieces(pieces: readonly Piece[]): Grid[] {
  const grids: Grid[] = [];
  const stack: string[] = [];
  let grid: Grid | null = null;
  let gridDepth = -1;
  let cell: GridCell | null = null;
  let cellDepth = -1;
  let paragraphs = 0;
  for (const piece of pieces) {
    if (piece.t === "open") {
      const { type, attrs } = parseOpen(piece.key);
      stack.push(type);
      const depth = stack.length;
      if (!grid && type === "table" && GRID_KINDS.includes(attrs.grid as Grid["kind"])) {
        grid = {
          kind: attrs.grid as Grid["kind"],
          year: typeof attrs.year === "number" ? attrs.year : null,
          area: AREA_IDS.includes(attrs.area as AreaId) ? (attrs.area as AreaId) : null,
          rows: [],
        };
        gridDepth = depth;
      } else if (grid && depth === gridDepth + 1 && type === "tableRow") {
        grid.rows.push([]);
      } else if (grid && depth === gridDepth + 2 && (type === "tableCell" || type === "tableHeader")) {
        cell = { attrs, accepted: "", rejected: "" };
        cellDepth = depth;
        paragraphs = 0;
        grid.rows.at(-1)?.push(cell);
      } else if (cell && type === "paragraph") {
        // A second paragraph in a cell reads as a line break: an amount never spans two.
        if (paragraphs++ > 0) {
          cell.accepted += "\n";
          cell.rejected += "\n";
        }
      }
    } else if (piece.t === "close") {
      const depth = stack.length;
      stack.pop();
      if (cell && depth === cellDepth) cell = null;
      if (grid && depth === gridDepth) {
        grids.push(grid);
        grid = null;
      }
    } else if (cell) {
      const text = piece.text.replace(ZWSP, "");
      if (!piece.suggestions.some((s) => s.kind === "deletion")) cell.accepted += text;
      if (!piece.suggestions.some((s) => s.kind === "insertion")) cell.rejected += text;
    }
  }
  return grids;
}

/** The cell text as a label: line breaks and surrounding space dropped. */
export const labelText = (text: string): string => text.replace(/\s+/g, " ").trim();
