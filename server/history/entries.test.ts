import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { entryId, groupEntries, parseEntryId, type UnitSpan } from "./entries.ts";

const T0 = Date.parse("2026-03-02T09:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const unit = (seq: number, userId: string | null, minute: number): UnitSpan => ({
  firstSeq: seq,
  lastSeq: seq,
  userId,
  from: at(minute),
  to: at(minute),
});

/** Units in seq order with times that never go back, some spanning several sequence numbers. */
const unitsArb = fc
  .array(
    fc.record({
      len: fc.integer({ min: 1, max: 4 }),
      user: fc.constantFrom("andrea", "marco", "claire", null),
      gap: fc.integer({ min: 0, max: 20 }),
    }),
    { maxLength: 60 },
  )
  .map((specs) => {
    let seq = 1;
    let minute = 0;
    return specs.map(({ len, user, gap }): UnitSpan => {
      minute += gap;
      const u = { firstSeq: seq, lastSeq: seq + len - 1, userId: user, from: at(minute), to: at(minute) };
      seq += len;
      return u;
    });
  });

describe("groupEntries", () => {
  it("partitions the units into contiguous entries, newest first, each unit in exactly one", () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const entries = groupEntries(units);
        const oldestFirst = [...entries].reverse();
        // Contiguous and covering: each entry starts where the previous one ended.
        let next = 1;
        for (const e of oldestFirst) {
          expect(e.firstSeq).toBe(next);
          expect(e.lastSeq).toBeGreaterThanOrEqual(e.firstSeq);
          next = e.lastSeq + 1;
        }
        expect(next).toBe((units.at(-1)?.lastSeq ?? 0) + 1);
        // Every unit lies in exactly one entry, and starts and ends inside it.
        for (const u of units) {
          const holding = entries.filter((e) => e.firstSeq <= u.firstSeq && u.lastSeq <= e.lastSeq);
          expect(holding).toHaveLength(1);
        }
        // An entry never spans two quarter hours, and names exactly its units' people.
        for (const e of entries) {
          const inside = units.filter((u) => u.firstSeq >= e.firstSeq && u.lastSeq <= e.lastSeq);
          const quarters = new Set(inside.map((u) => Math.floor(Date.parse(u.from) / 900_000)));
          expect(quarters.size).toBe(1);
          expect(new Set(e.userIds)).toEqual(new Set(inside.flatMap((u) => (u.userId ? [u.userId] : []))));
        }
      }),
    );
  });

  it("closes an entry only where none of its people appears again in that quarter hour", () => {
    fc.assert(
      fc.property(unitsArb, (units) => {
        const entries = [...groupEntries(units)].reverse();
        for (const [k, e] of entries.entries()) {
          const nextEntry = entries[k + 1];
          if (!nextEntry) continue;
          const quarter = (iso: string) => Math.floor(Date.parse(iso) / 900_000);
          if (quarter(nextEntry.from) !== quarter(e.to)) continue;
          const who = (u: UnitSpan) => u.userId ?? "system";
          const mine = new Set(units.filter((u) => u.lastSeq <= e.lastSeq && u.firstSeq >= e.firstSeq).map(who));
          const later = units.filter((u) => u.firstSeq > e.lastSeq && quarter(u.from) === quarter(e.to));
          expect(later.some((u) => mine.has(who(u)))).toBe(false);
        }
      }),
    );
  });

  it("gives two people taking turns one entry each", () => {
    const units = [unit(1, "andrea", 1), unit(2, "andrea", 2), unit(3, "marco", 3), unit(4, "marco", 4)];
    expect(groupEntries(units).map((e) => [entryId(e), e.userIds])).toEqual([
      ["3-4", ["marco"]],
      ["1-2", ["andrea"]],
    ]);
  });

  it("gives two people typing at once one entry with both", () => {
    const units = [unit(1, "andrea", 1), unit(2, "marco", 1), unit(3, "andrea", 2), unit(4, "marco", 2)];
    expect(groupEntries(units).map((e) => [entryId(e), e.userIds])).toEqual([["1-4", ["andrea", "marco"]]]);
  });

  it("starts a new entry with a new quarter hour, even for the same person", () => {
    const units = [unit(1, "andrea", 14), unit(2, "andrea", 15)];
    expect(groupEntries(units).map(entryId)).toEqual(["2-2", "1-1"]);
  });

  it("shows changes nobody made (seed, baseline) as entries without people", () => {
    const units = [unit(1, null, 0), unit(2, "andrea", 30)];
    expect(groupEntries(units).map((e) => [entryId(e), e.userIds])).toEqual([
      ["2-2", ["andrea"]],
      ["1-1", []],
    ]);
  });
});

describe("parseEntryId", () => {
  it("reads what entryId writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 40 }), (first, extra) => {
        const span = { firstSeq: first, lastSeq: first + extra };
        expect(parseEntryId(entryId(span))).toEqual(span);
      }),
    );
  });

  it("refuses anything else: reversed, zero, signed, padded, huge, not numbers", () => {
    for (const id of [
      "5-4",
      "0-3",
      "-1-2",
      "01-2",
      "1-02",
      "1",
      "1-2-3",
      " 1-2",
      "1-2 ",
      "1e3-2e3",
      "a-b",
      "",
      "99999999999999999-99999999999999999",
      "1-99999999999999999",
    ]) {
      expect(parseEntryId(id), id).toBeUndefined();
    }
  });
});
