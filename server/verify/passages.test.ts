import { describe, expect, it } from "vitest";
import { differingPassages, MAX_PASSAGES } from "./passages.ts";

describe("differingPassages", () => {
  it("lists a changed line as the expected and the found text", () => {
    const result = differingPassages(["Titel", "CHF 1'050'000", "Ende"], ["Titel", "CHF 9'050'000", "Ende"]);
    expect(result).toEqual({
      passages: [{ expected: "CHF 1'050'000", found: "CHF 9'050'000" }],
      count: 1,
      complete: true,
    });
  });

  it("lists added and removed lines with an empty side", () => {
    const { passages } = differingPassages(["a", "b", "c"], ["a", "c", "d"]);
    expect(passages).toEqual([
      { expected: "b", found: "" },
      { expected: "", found: "d" },
    ]);
  });

  it("lists the first 20 passages and says there were more", () => {
    const expected = Array.from({ length: 60 }, (_, i) => `line ${i}`);
    const found = expected.map((l, i) => (i % 2 === 0 ? `${l} changed` : l));
    const result = differingPassages(expected, found);
    expect(result.passages).toHaveLength(MAX_PASSAGES);
    expect(result.count).toBe(30);
    expect(result.complete).toBe(false);
  });

  it("gives up on a file that differs everywhere instead of diffing it for long", () => {
    const expected = Array.from({ length: 20_000 }, (_, i) => `a ${i}`);
    const found = Array.from({ length: 20_000 }, (_, i) => `b ${i}`);
    const started = performance.now();
    const result = differingPassages(expected, found);
    expect(result.complete).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("does not compare a file far longer than the export it names", () => {
    const result = differingPassages(
      ["a"],
      Array.from({ length: 1_000_000 }, () => "x"),
    );
    expect(result).toEqual({ passages: [], count: Number.POSITIVE_INFINITY, complete: false });
  });
});
