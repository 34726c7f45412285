import { describe, expect, it } from "vitest";
import { PERSON_PALETTE, personColour } from "./personColour.ts";

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrastWithWhite = (hex: string) => 1.05 / (luminance(hex) + 0.05);

describe("personColour", () => {
  it("gives white label text AA contrast on every colour of the palette", () => {
    for (const colour of PERSON_PALETTE) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
  });

  it("is stable for a user id and a plain hex colour", () => {
    expect(personColour("u-andrea")).toBe(personColour("u-andrea"));
    expect(personColour("u-andrea")).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("tells the demo colleagues of one organisation apart", () => {
    expect(personColour("u-andrea")).not.toBe(personColour("u-lukas"));
    expect(personColour("u-claire")).not.toBe(personColour("u-marco"));
    expect(personColour("u-marco")).not.toBe(personColour("u-admin"));
  });

  it("spreads many ids over the whole palette", () => {
    const used = new Set(Array.from({ length: 200 }, (_, i) => personColour(`user-${i}`)));
    expect(used.size).toBe(PERSON_PALETTE.length);
  });
});
