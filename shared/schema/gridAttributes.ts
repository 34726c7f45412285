import { Table, TableCell, TableHeader } from "@tiptap/extension-table";
import { AREA_IDS, CELL_FIELDS, GRID_KINDS, SOURCES, YEARS } from "../finance/areas.ts";

/** The grid table and cell nodes; their attribute values are bounded in attributeBounds.ts (ENUM_ATTRIBUTES). */

/**
 * A `data-*` attribute in HTML; values outside the list read as null. `parse: false` for the
 * table's own attributes: a grid pasted (or copied within the editor, which goes through HTML)
 * arrives as a plain table, so the clipboard never makes a second grid of the same year.
 */
function dataAttribute(name: string, allowed: readonly unknown[], numeric = false, parse = true) {
  return {
    default: null,
    parseHTML: (element: { getAttribute(name: string): string | null }) => {
      if (!parse) return null;
      const raw = element.getAttribute(`data-${name}`);
      const value = numeric && raw !== null ? Number(raw) : raw;
      return allowed.includes(value) ? value : null;
    },
    renderHTML: (attrs: Record<string, unknown>) =>
      attrs[name] === null || attrs[name] === undefined ? {} : { [`data-${name}`]: String(attrs[name]) },
  };
}

/** The table node with the grid attributes. */
export const GridTable = Table.extend({
  addAttributes() {
    return {
      ...this.parent?.(),
      grid: dataAttribute("grid", GRID_KINDS, false, false),
      year: dataAttribute("year", YEARS, true, false),
      area: dataAttribute("area", AREA_IDS, false, false),
    };
  },
});

const cellAttributes = {
  field: dataAttribute("field", CELL_FIELDS),
  source: dataAttribute("source", SOURCES),
  area: dataAttribute("area", AREA_IDS),
};

/** The table cell with the grid attributes. */
export const GridTableCell = TableCell.extend({
  addAttributes() {
    return { ...this.parent?.(), ...cellAttributes };
  },
});

/** The table header cell with the grid attributes. */
export const GridTableHeader = TableHeader.extend({
  addAttributes() {
    return { ...this.parent?.(), ...cellAttributes };
  },
});
