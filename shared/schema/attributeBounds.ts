import { AREA_IDS, CELL_FIELDS, GRID_KINDS, SOURCES, YEARS } from "../finance/areas.ts";

/**
 * The range of every numeric node attribute in the schema: what the editor's UI (toolbar,
 * table commands, pasted HTML) can produce. The policy refuses values outside it; every
 * export clamps to it when reading, so a stored value can never make an export allocate in
 * proportion to it (a colspan of 100 000 000 ran the DOCX export out of heap, issue 11).
 */
export const INTEGER_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>> = {
  // StarterKit's heading levels; the toolbar offers 1–3, pasted HTML brings h4–h6.
  heading: { level: [1, 6] },
  // `<ol start>` of pasted HTML; a list numbered beyond five digits is no legal text.
  orderedList: { start: [0, 99_999] },
  tableCell: { colspan: [1, 100], rowspan: [1, 1000] },
  tableHeader: { colspan: [1, 100], rowspan: [1, 1000] },
};

/**
 * Attributes that take one of a fixed list of values or null (their default): the bounded attributes that make a table a KIP grid (shared/finance): on the table its
 * kind, the year of a finance grid, the Förderbereich of a goal grid; on cells their field
 * and the source of an amount. Tables stay TipTap tables, so editing, suggestions, Yjs, the
 * policy's structure checks and every exporter keep working on them unchanged.
 */
export const ENUM_ATTRIBUTES: Readonly<Record<string, Readonly<Record<string, readonly unknown[]>>>> = {
  table: { grid: GRID_KINDS, year: YEARS, area: AREA_IDS },
  tableCell: { field: CELL_FIELDS, source: SOURCES, area: AREA_IDS },
  tableHeader: { field: CELL_FIELDS, source: SOURCES, area: AREA_IDS },
};

/** Widest column prosemirror-tables may record in `colwidth`, in CSS pixels (0: not set). */
export const MAX_COLUMN_WIDTH = 5000;

/** Longest string a node attribute may hold (a language name, an alignment). */
export const MAX_STRING_ATTRIBUTE = 200;

/** The bounds of `attribute` on nodes of `nodeType`, if it is numeric. */
export const integerBounds = (nodeType: string, attribute: string): readonly [number, number] | undefined =>
  INTEGER_ATTRIBUTES[nodeType]?.[attribute];

/**
 * A numeric attribute as an export may use it: a whole number within its bounds, the
 * default when absent or not a number.
 */
export function clampedAttribute(
  node: { type?: string; attrs?: Record<string, unknown> },
  attribute: string,
  fallback: number,
): number {
  const value = Math.trunc(Number(node.attrs?.[attribute] ?? fallback));
  const bounds = integerBounds(node.type ?? "", attribute);
  if (!Number.isFinite(value)) return fallback;
  return bounds ? Math.min(bounds[1], Math.max(bounds[0], value)) : value;
}

/** Why `value` is not a valid `attribute` of a `nodeType` node, or null when it is. */
export function attributeProblem(nodeType: string, attribute: string, value: unknown, colspan: number): string | null {
  const bounds = integerBounds(nodeType, attribute);
  if (bounds) {
    return Number.isInteger(value) && (value as number) >= bounds[0] && (value as number) <= bounds[1]
      ? null
      : `${nodeType} ${attribute} must be a whole number from ${bounds[0]} to ${bounds[1]}`;
  }
  const allowed = ENUM_ATTRIBUTES[nodeType]?.[attribute];
  if (allowed) {
    return value === null || allowed.includes(value)
      ? null
      : `${nodeType} ${attribute} must be one of ${allowed.join(", ")}`;
  }
  if (attribute === "colwidth") {
    // prosemirror-tables: one width per spanned column, or none at all.
    const valid =
      value === null ||
      (Array.isArray(value) &&
        value.length === colspan &&
        value.every((w) => Number.isInteger(w) && w >= 0 && w <= MAX_COLUMN_WIDTH));
    return valid ? null : `${nodeType} colwidth must list one width per column, each up to ${MAX_COLUMN_WIDTH}`;
  }
  return value === null || (typeof value === "string" && value.length <= MAX_STRING_ATTRIBUTE)
    ? null
    : `${nodeType} ${attribute.slice(0, 40)} must be text of at most ${MAX_STRING_ATTRIBUTE} characters`;
}
