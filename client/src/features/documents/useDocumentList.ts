import { useCallback, useEffect, useState } from "react";
import type { DocumentWaiting } from "../../../../shared/api/notifications.ts";
import type { DocumentListEntry, DocumentSummary } from "../../../../shared/api/schemas.ts";
import { listDocuments } from "../../api/documents.ts";
import { useOnReturn } from "../../lib/useOnReturn.ts";

/** The user's documents as loaded from the server, newest change first. */
export type DocumentListState =
  | { status: "loading" }
  | { status: "loaded"; documents: DocumentListEntry[] }
  | { status: "failed"; error: unknown };

/** A document just created or imported: nothing waits in it yet. */
const NOTHING_WAITING: DocumentWaiting = { approval: false, replies: 0, suggestions: 0 };

const byUpdatedDesc = (a: DocumentListEntry, b: DocumentListEntry) => b.updatedAt.localeCompare(a.updatedAt);

/**
 * Loads the document list, and again when the user returns to the tab (someone may have
 * added them to a document); `add` puts a just-created document in without reloading.
 */
export function useDocumentList(): { state: DocumentListState; add: (doc: DocumentSummary) => void } {
  const [state, setState] = useState<DocumentListState>({ status: "loading" });

  useEffect(() => {
    let current = true;
    listDocuments().then(
      (documents) => current && setState({ status: "loaded", documents: [...documents].sort(byUpdatedDesc) }),
      (error: unknown) => current && setState({ status: "failed", error }),
    );
    return () => {
      current = false;
    };
  }, []);

  // Quietly: a failure keeps the list shown.
  useOnReturn(() => {
    listDocuments().then(
      (documents) => setState({ status: "loaded", documents: [...documents].sort(byUpdatedDesc) }),
      () => undefined,
    );
  });

  const add = useCallback((doc: DocumentSummary) => {
    setState((prev) => ({
      status: "loaded",
      documents: [
        { ...doc, waiting: NOTHING_WAITING },
        ...(prev.status === "loaded" ? prev.documents.filter((d) => d.id !== doc.id) : []),
      ],
    }));
  }, []);

  return { state, add };
}
