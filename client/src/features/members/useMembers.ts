import { useCallback, useEffect, useState } from "react";
import type { Member } from "../../../../shared/api/schemas.ts";
import { listMembers } from "../../api/members.ts";

/** A document's member list, loaded on mount and whenever `version` changes; `set` takes a newer one. */
export function useMembers(
  documentId: string,
  version: unknown,
): { members: Member[] | null; error: unknown; set: (members: Member[]) => void } {
  const [members, setMembers] = useState<Member[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    void version; // the caller's role changed: the list may look different now
    let current = true;
    listMembers(documentId).then(
      (list) => {
        if (!current) return;
        setMembers(list);
        setError(null);
      },
      (err: unknown) => current && setError(err),
    );
    return () => {
      current = false;
    };
  }, [documentId, version]);

  const set = useCallback((list: Member[]) => {
    setMembers(list);
    setError(null);
  }, []);
  return { members, error, set };
}
