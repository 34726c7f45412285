/** Room left between the sticky bar and a revealed heading, in pixels. */
const GAP = 16;

/**
 * Scrolls the page so that `target` (a heading in the editor) starts just below the editor's
 * sticky bar (mode bar and toolbar); `scrollIntoView` would put it under the bar (issue 17).
 */
export function revealBelowBar(target: HTMLElement): void {
  const bar = target.closest(".editor")?.querySelector(".editor__bar");
  const covered = bar instanceof HTMLElement ? bar.offsetHeight : 0;
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  window.scrollBy({ top: target.getBoundingClientRect().top - covered - GAP, behavior: still ? "auto" : "smooth" });
}
