import { createContext, useContext } from "react";
import type { DocumentSummary, Member, Organisation, User } from "../../../shared/api/schemas.ts";
import type { CollabSession } from "../collab/createCollabSession.ts";

/** What every panel of an open document may read, instead of having it passed down. */
export interface OpenDocument {
  /** The summary as last loaded: role, lock, milestones, the members' organisations. */
  doc: DocumentSummary;
  user: User;
  session: CollabSession;
  /** The members, once loaded (null before). */
  members: Member[] | null;
  /** How an organisation is shown; ids the server did not list keep their id and a neutral colour. */
  organisation: (orgId: string) => Organisation;
  /** Takes a newer summary the server answered (rename, setting). */
  changed: (doc: DocumentSummary) => void;
  /** Loads the summary again (its milestone state changed). */
  refresh: () => void;
}

const DocumentContext = createContext<OpenDocument | null>(null);

/** Makes an open document available to the panels below it. */
export const DocumentProvider = DocumentContext.Provider;

/** The open document; only inside a DocumentProvider. */
export function useDocument(): OpenDocument {
  const open = useContext(DocumentContext);
  if (!open) throw new Error("useDocument outside a DocumentProvider");
  return open;
}
