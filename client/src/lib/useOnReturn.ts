import { useEffect, useRef } from "react";

/**
 * Calls `onReturn` when the person comes back to the tab (it becomes visible, or the window
 * gets the focus), so that what others changed meanwhile (a role an administrator granted, a
 * document shared with them) shows without a reload. Both events may fire on one return;
 * callers only read.
 */
export function useOnReturn(onReturn: () => void, enabled = true): void {
  const latest = useRef(onReturn);
  latest.current = onReturn;
  useEffect(() => {
    if (!enabled) return;
    const back = () => {
      if (document.visibilityState === "visible") latest.current();
    };
    window.addEventListener("focus", back);
    document.addEventListener("visibilitychange", back);
    return () => {
      window.removeEventListener("focus", back);
      document.removeEventListener("visibilitychange", back);
    };
  }, [enabled]);
}
