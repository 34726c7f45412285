import { describe, expect, it } from "vitest";
import { hasUnprintable } from "../../shared/api/fieldText.ts";
import { originOf } from "./intoYDoc.ts";

describe("a Word author as the origin shown beside an imported suggestion or thread", () => {
  it.each([
    ["a right-to-left override (reads as another name)", "\u202Ereiem aerdna"],
    ["a line separator (prints a line of its own)", "Beat\u2028SEM: freigegeben von Andrea Meier"],
    ["a zero-width space and a tab", "Be\u200Bat\tMuster"],
  ])("holds none of the characters an Accord name may not hold: %s", (_, author) => {
    const origin = originOf({ author, date: null });
    expect(origin).not.toBeNull();
    expect(hasUnprintable(origin?.author ?? "")).toBe(false);
  });

  it("keeps an ordinary name as it is, and gives none for a name of nothing but such characters", () => {
    expect(originOf({ author: "Beat Muster", date: null })?.author).toBe("Beat Muster");
    expect(originOf({ author: "\u202E\u200B", date: null })).toBeNull();
  });
});
