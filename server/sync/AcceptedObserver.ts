import type * as Y from "yjs";
import type { AuditNote } from "../policy/Change.ts";

/** A client's update the live doc took, as the transactions it made there. */
export interface AcceptedEdit {
  documentId: string;
  userId: string;
  /** The document's parties (organisation ids), as the room's flags hold them. */
  parties: readonly string[];
  doc: Y.Doc;
  transactions: readonly Y.Transaction[];
  /** What the policy noted of the update as it judged it (e.g. `comment.resolve`), as audited. */
  audit: readonly AuditNote[];
}

/** A change the server makes in answer to an accepted edit, committed and sent like any other, and audited. */
export interface FollowUp {
  change(doc: Y.Doc): void;
  audit: AuditNote;
}

/**
 * An observer port of the room: called after a client's update was accepted and applied to
 * the live doc, before the next frame is read, so no later update can slip in between. The
 * sync layer knows nothing of what observers look for (e.g. the reset of settled sections).
 */
export type AcceptedObserver = (edit: AcceptedEdit) => FollowUp | null;
