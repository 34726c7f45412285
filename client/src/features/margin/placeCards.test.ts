import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CARD_GAP, placeCards } from "./placeCards.ts";

describe("placeCards", () => {
  it("puts each card at its passage when there is room", () => {
    expect(
      placeCards([
        { anchor: 300, height: 50 },
        { anchor: 10, height: 50 },
      ]),
    ).toEqual([300, 10]);
  });

  it("pushes a card below the one before it, in the passages' order", () => {
    expect(
      placeCards([
        { anchor: 10, height: 100 },
        { anchor: 40, height: 20 },
        { anchor: 45, height: 20 },
      ]),
    ).toEqual([10, 110 + CARD_GAP, 130 + 2 * CARD_GAP]);
  });

  it("puts cards without a passage after the last one", () => {
    expect(
      placeCards([
        { anchor: null, height: 30 },
        { anchor: 50, height: 20 },
      ]),
    ).toEqual([70 + CARD_GAP, 50]);
  });

  it("never overlaps, never places a card above its passage or above the margin", () => {
    const card = fc.record({
      anchor: fc.option(fc.integer({ min: -50, max: 5000 })),
      height: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(card, { maxLength: 60 }), (cards) => {
        const tops = placeCards(cards);
        const boxes = cards.map((c, i) => ({ top: tops[i] as number, bottom: (tops[i] as number) + c.height, c }));
        for (const b of boxes) {
          expect(b.top).toBeGreaterThanOrEqual(Math.max(b.c.anchor ?? 0, 0));
          for (const o of boxes)
            if (o !== b)
              expect(
                o.bottom + CARD_GAP <= b.top || b.bottom + CARD_GAP <= o.top || o.c.height + b.c.height === 0,
              ).toBe(true);
        }
      }),
    );
  });
});
