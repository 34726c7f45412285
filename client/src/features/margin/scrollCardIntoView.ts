/**
 * Brings a card into view once the margin has placed it: an active card may move (it sits
 * at its passage when there is room), and the margin's layout runs in the next animation
 * frame, so this waits one frame more. Returns the cancel for an effect's clean-up.
 */
export function scrollCardIntoView(card: HTMLElement): () => void {
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => card.scrollIntoView({ block: "nearest" }));
  });
  return () => cancelAnimationFrame(frame);
}
