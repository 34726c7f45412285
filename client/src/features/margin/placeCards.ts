/** Space between two cards in the margin, in px. */
export const CARD_GAP = 8;

export interface CardBox {
  /** Where its passage starts, relative to the margin's top; null for a card without one (orphaned thread). */
  anchor: number | null;
  height: number;
}

/**
 * The tops of cards in the margin: each at its passage, pushed down below the card before
 * it, in the order of their passages; cards without one follow the last. The active card
 * (an index into `cards`), if it has a passage, sits right at it as in Word: the cards
 * before it move up to make room, as far as the margin's top allows. Pure, so the DOM is
 * read once for all cards and written once (marginLayout.ts).
 */
export function placeCards(cards: readonly CardBox[], active: number | null = null): number[] {
  const order = cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => (a.card.anchor ?? Number.POSITIVE_INFINITY) - (b.card.anchor ?? Number.POSITIVE_INFINITY));
  const tops = new Array<number>(cards.length);
  const downFrom = (start: number, bottom: number) => {
    for (const { card, index } of order.slice(start)) {
      const top = Math.max(card.anchor ?? bottom + CARD_GAP, bottom + CARD_GAP, 0);
      tops[index] = top;
      bottom = top + card.height;
    }
  };
  downFrom(0, Number.NEGATIVE_INFINITY);
  const at = order.findIndex((o) => o.index === active);
  const anchor = at >= 0 ? (order[at]?.card.anchor ?? null) : null;
  if (at <= 0 || anchor === null) return tops;

  // Room above the active card: how far up the cards before it can go (stacked from the margin's top).
  let stacked = 0;
  for (const { card } of order.slice(0, at)) stacked += card.height + CARD_GAP;
  const activeTop = Math.max(Math.min(tops[order[at]?.index as number] as number, anchor), stacked);
  tops[active as number] = activeTop;
  let limit = activeTop;
  for (const { card, index } of order.slice(0, at).reverse()) {
    const top = Math.min(tops[index] as number, limit - CARD_GAP - card.height);
    tops[index] = top;
    limit = top;
  }
  downFrom(at + 1, activeTop + (order[at]?.card.height ?? 0));
  return tops;
}
