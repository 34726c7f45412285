import { describe, expect, it } from "vitest";
import { CalendarDate, isCalendarDate, MultiLineText, OneLineText, toOneLine } from "./fieldText.ts";

describe("approval field text", () => {
  it("knows which dates exist", () => {
    expect(["2024-02-29", "2023-12-12", "2027-12-31"].map(isCalendarDate)).toEqual([true, true, true]);
    expect(
      ["2024-02-30", "2024-13-45", "2023-02-29", "2024-00-10", "0000-01-01", "12.12.2023", "2024-1-1"].map(
        isCalendarDate,
      ),
    ).toEqual([false, false, false, false, false, false, false]);
    expect(CalendarDate.safeParse("2024-02-30").success).toBe(false);
  });

  it("refuses line breaks, tabs, NUL, U+2028 and bidi overrides in a one-line field", () => {
    for (const bad of [
      "RRB 12\nSEM: freigegeben von X",
      "RRB\r12",
      "RRB\t12",
      "RRB\u000012",
      "RRB\u202812",
      "RRB\u0085",
      "\u202Eabc",
    ]) {
      expect(OneLineText.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(OneLineText.safeParse("RRB Nr. 2024/88 – «Eingabe»").success).toBe(true);
  });

  it("lets a reason span lines but refuses other control characters", () => {
    expect(MultiLineText.safeParse("Erstens.\r\nZweitens.\tDrittens.").success).toBe(true);
    expect(MultiLineText.safeParse("Erstens.\u0000").success).toBe(false);
    expect(MultiLineText.safeParse("Erstens.\u2028Zweitens.").success).toBe(false);
  });

  it("puts any value on one line", () => {
    expect(toOneLine("RRB 12\r\nSEM: freigegeben von X")).toBe("RRB 12 SEM: freigegeben von X");
    expect(toOneLine("a\u2028b\u0000\tc")).toBe("a b c");
  });
});
