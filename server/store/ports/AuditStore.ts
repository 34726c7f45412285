/** One line of the append-only audit log. */
export interface AuditEntry {
  /** Who acted; null when unknown (a failed sign-in). */
  userId: string | null;
  /** The document acted on; null for account events such as sign-ins. */
  documentId: string | null;
  /** The user the action was about when that is not the actor: a member whose role changed, an account someone failed to sign in to. */
  subjectId?: string | null;
  action: string;
  detail: Record<string, unknown>;
}

/** A stored audit entry with the names of its actor and subject. */
export interface AuditRow extends AuditEntry {
  id: number;
  at: string;
  userName: string | null;
  subjectId: string | null;
  subjectName: string | null;
}

/** The append-only audit log. */
export interface AuditStore {
  appendAudit(entry: AuditEntry): Promise<void>;
  /**
   * A document's audit log, newest first: its own entries only. Account events (sign-ins
   * with their addresses) are never part of it: a member is no business of another's.
   */
  listAudit(documentId: string, limit: number): Promise<AuditRow[]>;
  /** One user's account events (no document), as actor or subject, newest first: their sign-ins and attempts on their account. */
  listAccountEvents(userId: string, limit: number): Promise<AuditRow[]>;
}
