import { useCallback, useEffect, useState } from "react";
import type { VersionSummary } from "../../../../shared/api/schemas.ts";
import { listVersions } from "../../api/versions.ts";

/**
 * A document's versions, loaded when the document's milestone state changes (`stateKey`)
 * and, while a milestone awaits approval, every few seconds: the other party's decision
 * shows up without a reload.
 */
export function useVersions(documentId: string, stateKey: string, pending: boolean) {
  const [versions, setVersions] = useState<VersionSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    listVersions(documentId).then(
      (list) => {
        setVersions(list);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, [documentId]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: stateKey is the trigger
  useEffect(reload, [reload, stateKey]);
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [pending, reload]);
  return { versions, error, reload };
}
