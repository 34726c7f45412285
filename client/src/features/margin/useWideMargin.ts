import { useEffect, useState } from "react";

/** From this width the threads and suggestions sit in a margin beside the text (margin.css has the same). */
export const MARGIN_QUERY = "(min-width: 1400px)";

/** Whether the window is wide enough for the margin; follows resizing. */
export function useWideMargin(): boolean {
  const [wide, setWide] = useState(() => window.matchMedia(MARGIN_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(MARGIN_QUERY);
    const update = () => setWide(query.matches);
    update();
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, []);
  return wide;
}
