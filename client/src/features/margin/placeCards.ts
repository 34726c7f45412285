/** Space between two cards in the margin, in px. */
export const CARD_GAP = 8;

export interface CardBox {
  /** Where its passage starts, relative to the margin's top; null for a card without one (orphaned thread). */
  anchor: number | null;
  height: number;
}

/**
 * The tops of cards in the margin: each at its passage, pushed down below the card before
 * it, in the order of their passages; cards without one follow the last. Pure, so the
 * DOM is read once for all cards and written once (marginLayout.ts).
 */
export function placeCards(cards: readonly CardBox[]): number[] {
  const order = cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => (a.card.anchor ?? Number.POSITIVE_INFINITY) - (b.card.anchor ?? Number.POSITIVE_INFINITY));
  const tops = new Array<number>(cards.length);
  let bottom = Number.NEGATIVE_INFINITY;
  for (const { card, index } of order) {
    const top = Math.max(card.anchor ?? bottom + CARD_GAP, bottom + CARD_GAP, 0);
    tops[index] = top;
    bottom = top + card.height;
  }
  return tops;
}
