import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { commentsOf, readThreads, type ThreadData } from "../../../../shared/comments/model.ts";

/** The document's comment threads, kept current as anyone changes them. */
export function useThreads(ydoc: Y.Doc): ThreadData[] {
  const [threads, setThreads] = useState(() => readThreads(ydoc));
  useEffect(() => {
    const map = commentsOf(ydoc);
    const update = () => setThreads(readThreads(ydoc));
    update();
    map.observeDeep(update);
    return () => map.unobserveDeep(update);
  }, [ydoc]);
  return threads;
}
