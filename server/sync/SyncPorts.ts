import type { Role } from "../../shared/roles.ts";
import type { DocumentContext } from "../policy/Change.ts";

/**
 * What the sync layer needs from the rest of the server besides the update log
 * (`UpdateLog.ts`): one object of named ports, each small enough to implement in a line.
 */
export interface SyncPorts {
  /** The user's role in the document now, or null if no longer a member (role re-checks). */
  roleOf(documentId: string, userId: string): Promise<Role | null>;
  /** The document's settings the policy judges by: read when a room loads and when told they changed. */
  documentFlags(documentId: string): Promise<DocumentFlags>;
  /** Writes an audit entry (refusals, and what the policy wants on record). */
  appendAudit(entry: AuditRecord): Promise<void>;
  /** Counts a refused update (metrics). */
  refused(): void;
}

/** The document's part of the policy's context; the room adds the clock. */
export type DocumentFlags = Omit<DocumentContext, "now">;

/** One audit entry the sync layer writes. */
export interface AuditRecord {
  documentId: string;
  userId: string;
  action: string;
  detail: Record<string, unknown>;
}
