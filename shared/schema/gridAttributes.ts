import { Table, TableCell, TableHeader } from "@tiptap/extension-table";
import { AREA_IDS, CELL_FIELDS, GRID_KINDS, SOURCES, YEARS } from "../finance/areas.ts";

/** The grid table and cell nodes; their attribute values are bounded in attributeBounds.ts (ENUM_ATTRIBUTES). */

/** A `data-*` attribute in HTML (copy and paste keep it); values outside the list read as null. */
function dataAttribute(name: string, allowed: readonly unknown[], numeric = false) {
  return {
    default: null,
    parseHTML: (element: { getAttribute(name: string): string | null }) => {
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
      grid: dataAttribute("grid", GRID_KINDS),
      year: dataAttribute("year", YEARS, true),
      area: dataAttribute("area", AREA_IDS),
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
