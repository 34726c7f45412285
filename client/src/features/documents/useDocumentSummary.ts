import { useCallback, useEffect, useState } from "react";
import type { DocumentSummary } from "../../../../shared/api/schemas.ts";
import { fetchDocument } from "../../api/documents.ts";

/** One document's summary as loaded from the server; `replace` takes a newer one (after a rename). */
export type DocumentSummaryState =
  | { status: "loading" }
  | { status: "loaded"; doc: DocumentSummary }
  | { status: "failed"; error: unknown };

/** Loads `GET /api/documents/:id` before the live connection is opened. */
export function useDocumentSummary(documentId: string): {
  state: DocumentSummaryState;
  replace: (doc: DocumentSummary) => void;
  /** Loads the summary again (e.g. after access changed). */
  reload: () => void;
} {
  const [state, setState] = useState<DocumentSummaryState>({ status: "loading" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    void attempt; // a new attempt loads again
    let current = true;
    setState({ status: "loading" });
    fetchDocument(documentId).then(
      (doc) => current && setState({ status: "loaded", doc }),
      (error: unknown) => current && setState({ status: "failed", error }),
    );
    return () => {
      current = false;
    };
  }, [documentId, attempt]);

  // Stable, so the live document's listeners do not re-subscribe on every render.
  const replace = useCallback((doc: DocumentSummary) => setState({ status: "loaded", doc }), []);
  const reload = useCallback(() => setAttempt((a) => a + 1), []);
  return { state, replace, reload };
}
