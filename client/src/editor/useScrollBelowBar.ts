import { type RefObject, useEffect } from "react";

/** The custom property editor.css turns into the page's scroll-padding-top. */
const PROPERTY = "--editor-bar-height";

/**
 * Keeps the page's scroll padding as tall as the editor's sticky bar, so that whatever is
 * scrolled into view (a thread's passage, a card, the browser's own "if needed") ends up below
 * the bar instead of under it, where it can be neither seen nor clicked. The bar's height
 * follows the width (the toolbar wraps), hence the ResizeObserver.
 */
export function useScrollBelowBar(bar: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = bar.current;
    if (!element) return undefined;
    const root = document.documentElement;
    const measure = () => root.style.setProperty(PROPERTY, `${element.offsetHeight}px`);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty(PROPERTY);
    };
  }, [bar]);
}
