import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EXCERPT_LENGTH, excerptOf } from "./excerpt.ts";

describe("excerptOf", () => {
  it("keeps a short text as it is, on one line", () => {
    expect(excerptOf("  Bitte\n\tprüfen  ")).toBe("Bitte prüfen");
  });

  it("cuts a long text to the bound, ending with an ellipsis", () => {
    const cut = excerptOf("a".repeat(500));
    expect([...cut]).toHaveLength(EXCERPT_LENGTH);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("drops control, bidi and zero-width characters", () => {
    expect(excerptOf("ok\u0000\u001b[31m\u202edrow\u200b\u0085end")).toBe("ok [31m drow end");
  });

  it("never returns a control character or more than the bound, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 600 }), (text) => {
        const cut = excerptOf(text);
        expect([...cut].length).toBeLessThanOrEqual(EXCERPT_LENGTH);
        expect(/[\p{Cc}\p{Cf}]/u.test(cut)).toBe(false);
      }),
    );
  });
});
