import type { Editor } from "@tiptap/core";
import { placeCards } from "./placeCards.ts";

/** The cards in the margin: the items of the lists the panels put there (see MarginColumn). */
const cardsOf = (host: HTMLElement) => [...host.querySelectorAll<HTMLElement>(":scope > ul > li")];

/** The visible part of the window, widened by one screen each way: cards there are placed exactly. */
function nearViewport(): { top: number; bottom: number } {
  const h = window.innerHeight;
  return { top: -h, bottom: 2 * h };
}

/** The element of the top-level block holding `pos` (or right after it, between blocks). */
function blockElementAt(editor: Editor, pos: number): Element | null {
  const $pos = editor.state.doc.resolve(pos);
  const node = editor.view.nodeDOM($pos.depth ? $pos.before(1) : pos);
  return node instanceof Element ? node : null;
}

/**
 * A card's passage start, from `data-margin-pos` (a document position), relative to the margin's top.
 * Exact (coordsAtPos) only near the viewport; further away, the top of the passage's block (no
 * measuring inside the text of 500 passages per change). Scrolling places the cards again.
 */
function anchorOf(editor: Editor, card: HTMLElement, hostTop: number, near: { top: number; bottom: number }) {
  const raw = card.dataset.marginPos;
  if (raw === undefined || raw === "") return null;
  const pos = Math.min(Number(raw), editor.state.doc.content.size);
  try {
    const block = blockElementAt(editor, pos)?.getBoundingClientRect();
    if (block && (block.bottom < near.top || block.top > near.bottom)) return block.top - hostTop;
    return editor.view.coordsAtPos(pos).top - hostTop;
  } catch {
    return null;
  }
}

/**
 * Reads all anchors and heights in one pass, then writes all tops: one layout per frame.
 * The active card (`data-active`: the focused thread, the suggestion the selection is in) sits at its passage.
 */
function layout(editor: Editor, host: HTMLElement): void {
  if (editor.isDestroyed) return;
  const cards = cardsOf(host);
  const hostTop = host.getBoundingClientRect().top;
  const near = nearViewport();
  const boxes = cards.map((card) => ({ anchor: anchorOf(editor, card, hostTop, near), height: card.offsetHeight }));
  const active = cards.findIndex((card) => card.dataset.active === "true");
  const tops = placeCards(boxes, active >= 0 ? active : null);
  let bottom = 0;
  cards.forEach((card, i) => {
    const top = `${tops[i] as number}px`;
    // Unchanged cards are not written: a keystroke moves only the cards below it.
    if (card.style.top !== top) card.style.top = top;
    bottom = Math.max(bottom, (tops[i] as number) + (boxes[i] as { height: number }).height);
  });
  const minHeight = `${bottom}px`;
  if (host.style.minHeight !== minHeight) host.style.minHeight = minHeight;
}

/**
 * Keeps the margin's cards beside their passages: re-placed on document changes (anyone's),
 * cards coming, going, moving to another passage or becoming active, size changes of the text or of a card
 * (ResizeObserver: window width, replies, fonts), fonts loaded, and scrolling (cards coming near the
 * viewport are placed exactly, see anchorOf); all batched into one
 * requestAnimationFrame. Returns the clean-up.
 */
export function keepCardsBesideText(editor: Editor, host: HTMLElement): () => void {
  let frame = 0;
  const schedule = () => {
    if (!frame)
      frame = requestAnimationFrame(() => {
        frame = 0;
        layout(editor, host);
      });
  };
  const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => {
    if (transaction.docChanged) schedule();
  };
  editor.on("transaction", onTransaction);
  // Capture: the document scrolls in whichever element holds it.
  document.addEventListener("scroll", schedule, { capture: true, passive: true });

  const sizes = new ResizeObserver(schedule);
  sizes.observe(editor.view.dom);
  const watchCards = () => {
    for (const card of cardsOf(host)) sizes.observe(card);
  };
  // Only card changes: writing the tops (style) must not schedule another pass.
  const cards = new MutationObserver(() => {
    watchCards();
    schedule();
  });
  cards.observe(host, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["data-margin-pos", "data-active"],
  });
  watchCards();
  let live = true;
  void document.fonts?.ready.then(() => live && schedule());
  schedule();
  return () => {
    live = false;
    if (frame) cancelAnimationFrame(frame);
    editor.off("transaction", onTransaction);
    document.removeEventListener("scroll", schedule, { capture: true });
    sizes.disconnect();
    cards.disconnect();
  };
}
