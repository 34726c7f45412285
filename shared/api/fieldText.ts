import { z } from "zod";

/**
 * What a one-line field must not hold: control characters (C0 with tab, CR and LF; DEL; C1
 * with NEL), the Unicode line and paragraph separators, and format characters (bidi
 * overrides, isolates and marks, zero-width characters, soft hyphens). Any of them lets a
 * value start a new line, appear reordered or hide text where an export prints it: a newline
 * in an RRB number printed a forged "SEM: freigegeben von …" line.
 */
const UNPRINTABLE = "\\p{Cc}\\p{Cf}\\u2028\\u2029";
const ANY_UNPRINTABLE = new RegExp(`[${UNPRINTABLE}]`, "u");
const UNPRINTABLE_RUNS = new RegExp(`[${UNPRINTABLE}]+`, "gu");
/** The same, but tab, CR and LF allowed: text that may span lines, such as a rejection's reason. */
const UNPRINTABLE_BUT_BREAKS = /[^\P{Cc}\t\n\r]|[\p{Cf}\u2028\u2029]/u;

/** True when `value` holds a character that could break or reorder the line it is printed on. */
export const hasUnprintable = (value: string): boolean => ANY_UNPRINTABLE.test(value);

/**
 * `value` on one line: every run of those characters, and every run of white space (em
 * spaces and the like too), becomes one space, so that no padding can push text to the
 * start of a printed line (a reason padded with 160 em spaces wrapped into a forged line).
 */
export const toOneLine = (value: string): string =>
  value.replace(UNPRINTABLE_RUNS, " ").replace(/[\s\p{Zs}]{2,}/gu, " ");

/** True for YYYY-MM-DD naming a day that exists (2024-02-29 yes, 2023-02-29 and 2024-13-45 no). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export const ONE_LINE_MESSAGE = "must be one line without control characters";
export const DATE_MESSAGE = "must be a date that exists, as YYYY-MM-DD";

/** A field printed on one line of an export: no line breaks, no control characters. */
export const OneLineText = z.string().refine((v) => !hasUnprintable(v), ONE_LINE_MESSAGE);

/** Free text that may span lines (printed with its breaks collapsed), but holds no other control characters. */
export const MultiLineText = z
  .string()
  .refine((v) => !UNPRINTABLE_BUT_BREAKS.test(v), "must not contain control characters");

/** A calendar date as YYYY-MM-DD that exists. */
export const CalendarDate = z.string().refine(isCalendarDate, DATE_MESSAGE);
