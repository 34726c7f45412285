/**
 * What happened, as the parts of Accord that see it report it to the notifications (issue
 * 16). Reporters say only what happened and who did it; who is told is decided in
 * server/notifications from the document's members, roles and parties, never from what a
 * client claims (a mention of a non-member notifies nobody).
 */
export type NotificationEvent =
  | {
      kind: "comment";
      documentId: string;
      actorId: string;
      threadId: string;
      /** Null for the thread's opening comment. */
      replyId: string | null;
      /**
       * The user ids the comment mentions. For an edit, all it mentions after the edit: the
       * server's copy keeps no earlier value to compare with, so the Notifications service
       * leaves out those this comment has already notified.
       */
      mentions: readonly string[];
      /** True for a new comment; false for an edit (which only notifies new mentions). */
      created: boolean;
      text: string;
      /**
       * Who is in the thread besides this comment: its author and the authors of the replies
       * before this one, as the server's copy holds them (commentRule checked each author).
       */
      participants: readonly string[];
    }
  | {
      kind: "resolution";
      documentId: string;
      actorId: string;
      threadId: string;
      resolved: boolean;
      /** The thread's author and repliers, as the server's copy holds them. */
      participants: readonly string[];
      /** The thread's opening comment, for the excerpt. */
      text: string;
    }
  | { kind: "suggestions"; documentId: string; actorId: string; count: number }
  | { kind: "milestone_requested"; documentId: string; actorId: string; versionId: string; milestone: string }
  | {
      kind: "milestone_decided";
      documentId: string;
      actorId: string;
      versionId: string;
      milestone: string;
      /** What the decision made of the milestone: still pending (other organisations to decide), reached, or rejected. */
      status: "pending" | "reached" | "rejected";
      reason: string | null;
    };

/** Where reporters send events; never throws and never makes the reporter wait. */
export interface NotificationEvents {
  emit(event: NotificationEvent): void;
}

/** Tells the mail batching that a user has new notifications about a document. */
export interface MailWake {
  wake(userId: string, documentId: string): void;
}
