import { useCallback, useEffect, useState } from "react";
import { type CollabSession, createCollabSession } from "./createCollabSession.ts";
import { dropLocalCopy } from "./dropLocalCopy.ts";

/**
 * The collaboration session of one document, created after mount and destroyed on unmount
 * or when the document or user changes. Null until created. `reset` drops the local copy,
 * IndexedDB included, and starts over from the server's state (after a refused change).
 */
export function useCollabSession(
  documentId: string,
  userId: string,
): { session: CollabSession | null; reset: () => void } {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    void generation; // a new generation is a new session
    const created = createCollabSession(documentId, userId);
    setSession(created);
    return () => {
      setSession(null);
      created.destroy();
    };
  }, [documentId, userId, generation]);

  const reset = useCallback(() => {
    const current = session;
    setSession(null);
    const dropped = current ? dropLocalCopy(current.persistence) : Promise.resolve();
    // Start over even if the database could not be deleted: the server's state is what counts.
    void dropped.catch(() => undefined).finally(() => setGeneration((g) => g + 1));
  }, [session]);

  return { session: session?.documentId === documentId ? session : null, reset };
}
