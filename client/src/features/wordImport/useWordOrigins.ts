import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { readWordOrigins, type WordOrigin, wordOriginsOf } from "../../../../shared/word/origins.ts";

/**
 * The Word origins of imported suggestions, threads and replies (the server-only
 * "wordOrigins" map of the client's Y.Doc), kept current. Keys from `wordOriginKey`.
 */
export function useWordOrigins(ydoc: Y.Doc): ReadonlyMap<string, WordOrigin> {
  const [origins, setOrigins] = useState(() => readWordOrigins(ydoc));
  useEffect(() => {
    const map = wordOriginsOf(ydoc);
    const update = () => setOrigins(readWordOrigins(ydoc));
    update();
    map.observe(update);
    return () => map.unobserve(update);
  }, [ydoc]);
  return origins;
}
