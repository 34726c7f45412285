import type { JSONContent } from "@tiptap/core";
import { clampedAttribute } from "../../../shared/schema/attributeBounds.ts";

/** The text width of an A4 page with the export's margins (twips). */
export const TEXT_WIDTH_TWIPS = 9638;
/** Text in tables, in half points (9 pt): a grid of seven columns fits its longest words on A4. */
export const TABLE_TEXT_SIZE = 18;
/**
 * A character of Arial at that size, generously: 0.6 em (German words average 0.45–0.55 em
 * in bold Liberation Sans, Arial's metric twin), 0.6 × 9 pt = 108 twips; plus a cell's
 * margins (twips).
 */
const CHAR_TWIPS = Math.ceil(0.6 * (TABLE_TEXT_SIZE / 2) * 20);
const CELL_PADDING_TWIPS = 230;
const MIN_COLUMN_TWIPS = 700;

function textOf(node: JSONContent): string {
  if (node.type === "text") return (node.text ?? "").replace(/\u200B/g, "");
  return (node.content ?? []).map(textOf).join(node.type === "paragraph" ? "" : " ");
}

/** The editor's stored widths (px) for every column, when each column has one. */
function storedWidths(rows: readonly JSONContent[], count: number): number[] | null {
  const widths: (number | undefined)[] = new Array(count).fill(undefined);
  for (const row of rows) {
    let col = 0;
    for (const cell of row.content ?? []) {
      const span = clampedAttribute(cell, "colspan", 1);
      const stored = cell.attrs?.colwidth;
      if (Array.isArray(stored) && stored.length === span)
        stored.forEach((w, i) => {
          if (typeof w === "number" && w > 0 && widths[col + i] === undefined) widths[col + i] = w;
        });
      col += span;
    }
  }
  return widths.every((w) => w !== undefined) ? (widths as number[]) : null;
}

const scaled = (weights: number[], total: number) => {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  return weights.map((w) => Math.floor((w / sum) * total));
};

/**
 * Widths when the longest words do not all fit: every column whose words fit under a common
 * cap gets what it needs, the others share the rest equally (a narrow "Nr." column keeps
 * its width; only words longer than the cap can break).
 */
function capped(needs: number[], total: number): number[] {
  const sorted = [...needs].sort((a, b) => a - b);
  let left = total;
  let cap = total / needs.length;
  for (let i = 0; i < sorted.length; i++) {
    cap = left / (sorted.length - i);
    const need = sorted[i] ?? 0;
    if (need > cap) break;
    left -= need;
  }
  return needs.map((n) => Math.floor(Math.min(n, cap)));
}

/**
 * Column widths (twips) for a table: the editor's stored widths scaled to the page when
 * every column has one; otherwise from the content: each column at least as wide as its
 * longest word (so "Wirkungsziel" does not break), and the rest of the page shared in
 * proportion to how much text each column holds; when the words do not all fit, `capped`.
 */
export function columnWidths(table: JSONContent): number[] {
  const rows = table.content ?? [];
  const count = Math.max(
    1,
    ...rows.map((r) => (r.content ?? []).reduce((n, c) => n + clampedAttribute(c, "colspan", 1), 0)),
  );
  const stored = storedWidths(rows, count);
  if (stored) return scaled(stored, TEXT_WIDTH_TWIPS);
  const longest = new Array<number>(count).fill(0);
  const amount = new Array<number>(count).fill(0);
  for (const row of rows) {
    let col = 0;
    for (const cell of row.content ?? []) {
      const span = clampedAttribute(cell, "colspan", 1);
      const text = textOf(cell);
      if (span === 1 && col < count) {
        const word = Math.max(0, ...text.split(/\s+/).map((w) => [...w].length));
        longest[col] = Math.max(longest[col] ?? 0, word);
        amount[col] = (amount[col] ?? 0) + [...text].length;
      }
      col += span;
    }
  }
  const minimum = longest.map((n) => Math.max(MIN_COLUMN_TWIPS, n * CHAR_TWIPS + CELL_PADDING_TWIPS));
  const needed = minimum.reduce((a, b) => a + b, 0);
  if (needed >= TEXT_WIDTH_TWIPS) return capped(minimum, TEXT_WIDTH_TWIPS);
  const extra = scaled(
    amount.map((n) => Math.max(1, n)),
    TEXT_WIDTH_TWIPS - needed,
  );
  return minimum.map((m, i) => m + (extra[i] ?? 0));
}
