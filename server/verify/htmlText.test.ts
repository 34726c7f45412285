import { describe, expect, it } from "vitest";
import { readableHtmlPassage } from "./htmlText.ts";

describe("readableHtmlPassage", () => {
  it("shows a changed amount as text", () => {
    expect(readableHtmlPassage({ expected: "<p>CHF 1&#39;050</p>", found: "<p>CHF 9&#39;050</p>" })).toEqual({
      expected: "CHF 1'050",
      found: "CHF 9'050",
    });
  });

  it("shows a change that is only in the markup as markup", () => {
    const p = { expected: '<a href="https://so.ch">Amt</a>', found: '<a href="https://evil.example">Amt</a>' };
    expect(readableHtmlPassage(p)).toEqual(p);
  });
});
