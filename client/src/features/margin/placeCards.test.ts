import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CARD_GAP, type CardBox, placeCards } from "./placeCards.ts";

/** No two cards overlap (with the gap between them), and none is above the margin. */
function expectApart(cards: readonly CardBox[], tops: number[]) {
  const boxes = cards.map((c, i) => ({ top: tops[i] as number, bottom: (tops[i] as number) + c.height }));
  for (const b of boxes) {
    expect(b.top).toBeGreaterThanOrEqual(0);
    for (const o of boxes)
      if (o !== b) expect(o.bottom + CARD_GAP <= b.top + 1e-9 || b.bottom + CARD_GAP <= o.top + 1e-9).toBe(true);
  }
}

const card = fc.record({
  anchor: fc.option(fc.integer({ min: -50, max: 5000 })),
  height: fc.integer({ min: 1, max: 400 }),
});

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

  it("puts the active card at its passage and moves the ones before it up", () => {
    const cards = [
      { anchor: 200, height: 100 },
      { anchor: 210, height: 100 },
      { anchor: 220, height: 50 },
    ];
    expect(placeCards(cards, 2)).toEqual([220 - 2 * CARD_GAP - 200, 220 - CARD_GAP - 100, 220]);
    // Without room above, it goes as high as the cards before it allow.
    expect(
      placeCards(
        [
          { anchor: 0, height: 100 },
          { anchor: 10, height: 50 },
        ],
        1,
      ),
    ).toEqual([0, 100 + CARD_GAP]);
  });

  it("never overlaps; without an active card never places one above its passage", () => {
    fc.assert(
      fc.property(fc.array(card, { maxLength: 60 }), (cards) => {
        const tops = placeCards(cards);
        expectApart(cards, tops);
        cards.forEach((c, i) => {
          expect(tops[i]).toBeGreaterThanOrEqual(Math.max(c.anchor ?? 0, 0));
        });
      }),
    );
  });

  it("never overlaps with an active card either", () => {
    fc.assert(
      fc.property(fc.array(card, { minLength: 1, maxLength: 60 }), fc.nat(), (cards, pick) => {
        expectApart(cards, placeCards(cards, pick % cards.length));
      }),
    );
  });
});
