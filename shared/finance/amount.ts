/**
 * Amounts in CHF as the finance grid holds them: whole francs, written in Swiss format
 * (1'000'000, also with the typographic apostrophe ’, or without separators). Empty is allowed
 * (not yet budgeted, counts as 0). Where the apostrophes stand is not judged: a cell is typed
 * one key at a time, and "1'" or "1'00" are steps on the way to "1'000" that the server must
 * not refuse; anything but digits and apostrophes is refused.
 */

const DIGITS_AND_APOSTROPHES = /^[\d'’]*\d[\d'’]*$/;
/** Fifteen digits stay within exact JavaScript integers and are far above any KIP budget. */
const MAX_DIGITS = 15;

/** The amount a cell's text holds: a number, null for empty, or "invalid". */
export function parseAmount(text: string): number | null | "invalid" {
  const trimmed = text.replace(/[\u200B\s]/g, "");
  if (trimmed === "") return null;
  if (!DIGITS_AND_APOSTROPHES.test(trimmed)) return "invalid";
  const digits = trimmed.replace(/['’]/g, "");
  if (digits.length > MAX_DIGITS) return "invalid";
  return Number(digits);
}

/** `value` in Swiss format with an apostrophe as thousands separator (1'000'000; negative with a minus). */
export function formatAmount(value: number): string {
  const digits = String(Math.abs(Math.trunc(value)));
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, "'");
  return value < 0 ? `−${grouped}` : grouped;
}
