import { useEffect, useState } from "react";
import { type CollabSession, createCollabSession } from "./createCollabSession.ts";

/**
 * The collaboration session of one document, created after mount and destroyed on unmount
 * or when the document or user changes. Null until created.
 */
export function useCollabSession(documentId: string, userId: string): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null);

  useEffect(() => {
    const created = createCollabSession(documentId, userId);
    setSession(created);
    return () => {
      setSession(null);
      created.destroy();
    };
  }, [documentId, userId]);

  return session?.documentId === documentId ? session : null;
}
