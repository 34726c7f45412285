import type { TFunction } from "i18next";
import type { HistoryEntry } from "../../../../shared/api/history.ts";

const DAY = 86_400_000;

/** Midnight of the day `date` falls on, locally. */
const startOfDay = (date: Date) => new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();

/** The day of an entry relative to `now`: "heute", "gestern", "vor 3 Tagen", or the date beyond a week. */
export function relativeDay(iso: string, language: string, now = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const days = Math.round((startOfDay(date) - startOfDay(now)) / DAY);
  if (days <= 0 && days > -7)
    return new Intl.RelativeTimeFormat(`${language}-CH`, { numeric: "auto" }).format(days, "day");
  return new Intl.DateTimeFormat(`${language}-CH`, { dateStyle: "medium" }).format(date);
}

/** An entry's time range, e.g. "14:05–14:12" (one time when it is one minute). */
export function timeSpan(t: TFunction, entry: Pick<HistoryEntry, "from" | "to">, language: string): string {
  const time = (iso: string) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime())
      ? iso
      : new Intl.DateTimeFormat(`${language}-CH`, { timeStyle: "short" }).format(date);
  };
  const from = time(entry.from);
  const to = time(entry.to);
  return from === to ? from : t("history.span", { from, to });
}

/** Who made an entry's changes, as a list ("System" when no person did). */
export const entryNames = (t: TFunction, entry: Pick<HistoryEntry, "users">, language: string): string =>
  entry.users.length === 0
    ? t("history.system")
    : new Intl.ListFormat(`${language}-CH`, { type: "conjunction" }).format(entry.users.map((u) => u.name));
