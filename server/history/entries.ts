import type { HistoryUnit } from "../store/ports/HistoryStore.ts";

/** A unit as the grouping needs it (no bytes). */
export type UnitSpan = Pick<HistoryUnit, "firstSeq" | "lastSeq" | "userId" | "from" | "to">;

/** One entry of the Verlauf before names are looked up: a contiguous range of units. */
export interface EntrySpan {
  firstSeq: number;
  lastSeq: number;
  /** Distinct people in order of their first update; null (server, seed, baseline) left out. */
  userIds: string[];
  from: string;
  to: string;
}

const QUARTER_HOUR = 15 * 60_000;

/** The quarter hour an ISO time falls in (its start, in ms), or the string itself if unreadable. */
function quarterOf(iso: string): number | string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : t - (t % QUARTER_HOUR);
}

/** Who a unit counts as for the grouping: a person, or the system (null). */
const who = (u: UnitSpan) => u.userId ?? "\u0000system";

/**
 * The Verlauf's entries, newest first. Consecutive units of one quarter hour are split where no
 * one of the entry so far appears again later in that quarter hour ("partition labels"): two
 * people taking turns give one entry each, two typing at once one entry with both. Each
 * entry is a contiguous range of units, so the state before and after it is well defined.
 */
export function groupEntries(units: readonly UnitSpan[]): EntrySpan[] {
  const entries: EntrySpan[] = [];
  let start = 0;
  while (start < units.length) {
    const quarter = quarterOf((units[start] as UnitSpan).from);
    let end = start;
    while (end + 1 < units.length && quarterOf((units[end + 1] as UnitSpan).from) === quarter) end++;
    const lastOf = new Map<string, number>();
    for (let i = start; i <= end; i++) lastOf.set(who(units[i] as UnitSpan), i);
    let open = start;
    let reach = start;
    for (let i = start; i <= end; i++) {
      reach = Math.max(reach, lastOf.get(who(units[i] as UnitSpan)) ?? i);
      if (i === reach) {
        entries.push(spanOf(units.slice(open, i + 1)));
        open = i + 1;
      }
    }
    start = end + 1;
  }
  return entries.reverse();
}

function spanOf(units: readonly UnitSpan[]): EntrySpan {
  const first = units[0] as UnitSpan;
  const last = units[units.length - 1] as UnitSpan;
  const userIds = [...new Set(units.map((u) => u.userId).filter((id): id is string => id !== null))];
  return { firstSeq: first.firstSeq, lastSeq: last.lastSeq, userIds, from: first.from, to: last.to };
}

/** An entry's id: its sequence range. */
export const entryId = (e: Pick<EntrySpan, "firstSeq" | "lastSeq">) => `${e.firstSeq}-${e.lastSeq}`;

/** Largest sequence number an entry id may name (the log's counter is a bigint; JS is exact to 2^53). */
const MAX_SEQ = Number.MAX_SAFE_INTEGER;

/** The sequence range an entry id names, or undefined for anything but `<first>-<last>` with 1 ≤ first ≤ last. */
export function parseEntryId(id: string): { firstSeq: number; lastSeq: number } | undefined {
  const m = /^([1-9][0-9]{0,15})-([1-9][0-9]{0,15})$/.exec(id);
  if (!m) return undefined;
  const firstSeq = Number(m[1]);
  const lastSeq = Number(m[2]);
  if (firstSeq > MAX_SEQ || lastSeq > MAX_SEQ || firstSeq > lastSeq) return undefined;
  return { firstSeq, lastSeq };
}
