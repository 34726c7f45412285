/**
 * The update log: all the sync layer knows of storage (as y-sweet's engine sees only a
 * small byte store). Bytes only; the log knows nothing of Yjs. Implemented by the SQL
 * stores, and in a few lines in memory by tests.
 */
/** One update to append to a document's log. Bytes only: the store knows nothing of Yjs. */
export interface UpdateRecord {
  documentId: string;
  data: Uint8Array;
  userId: string | null;
  /**
   * The update policy saw it change comment threads and nothing else (on the shadow doc,
   * never on the client's word): the log stores it even while a milestone locks the document.
   */
  commentsOnly?: boolean;
}

/** What a document's state is made of when loaded: the last snapshot and the log after it. */
export interface StoredState {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
  /** Sequence number of the last update included (0 for an empty document). */
  lastSeq: number;
}

/** Folds a snapshot and the updates after it into one new snapshot. */
export type MergeUpdates = (snapshot: Uint8Array | null, updates: Uint8Array[]) => Uint8Array;

/**
 * What compaction keeps of the updates it folds, for attribution (who inserted or deleted
 * what, and when): a pure function of the bytes of consecutive updates of one person within
 * one quarter hour, written with that user and the last one's time in the same transaction
 * that drops the rows.
 */
export type IndexUpdates = (updates: readonly Uint8Array[]) => Uint8Array;

/**
 * What compaction keeps of the same runs for the Verlauf: each run's updates as one update,
 * losslessly (nothing deleted is dropped), so the state after any run can be rebuilt by
 * applying the runs in order. Given the snapshot the runs follow; one result per run.
 */
export type HistoryRuns = (snapshot: Uint8Array | null, runs: readonly (readonly Uint8Array[])[]) => Uint8Array[];

/** What a document's log holds after a sequence number: the rows, or a snapshot if compaction folded them. */
export interface UpdatesSince {
  /** Set when rows after the requested number were folded into the snapshot: apply it first. */
  snapshot: Uint8Array | null;
  updates: { seq: number; data: Uint8Array }[];
  lastSeq: number;
}

export interface UpdateLog {
  /**
   * Appends updates of possibly several documents in one committed transaction; returns
   * their sequence numbers, or null for an update of a locked document (not stored).
   */
  appendUpdates(batch: readonly UpdateRecord[]): Promise<(number | null)[]>;
  /**
   * Holds or releases a document's log around a freeze. While locked, `appendUpdates` stores
   * nothing for it but comment-only updates, whichever instance sends: the lock holds across
   * a cluster without asking the others. A batch's updates of one document are stored or
   * refused together, so no stored comment can wait for a refused update it depends on. The
   * lock itself is the version chain's (a pending newest version); the log keeps a copy, and
   * a release keeps it while the newest version is undecided (server/store/sql/documentLock.ts).
   */
  setDocumentLock(documentId: string, locked: boolean): Promise<void>;
  /** The log after `afterSeq` (for an instance that missed updates). */
  readUpdatesSince(documentId: string, afterSeq: number): Promise<UpdatesSince>;
  /** Sequence number of the document's last logged update. */
  lastSeqOf(documentId: string): Promise<number>;
  /** Snapshot plus tail; throws if the stored data cannot be read. */
  loadState(documentId: string): Promise<StoredState>;
  /** Number of log rows after the snapshot. */
  tailLength(documentId: string): Promise<number>;
  /**
   * Replaces the snapshot and every log row it covers by one new snapshot, in one
   * transaction, built by `merge` from exactly the rows it deletes. With `index`, the deleted
   * rows' index entries (one per person and quarter hour, with user and time) are written in
   * that transaction first, so nothing the attribution needs is lost. With `history`, each
   * run's merged updates too (the Verlauf, server/store/ports/HistoryStore.ts). Returns rows folded.
   */
  compact(documentId: string, merge: MergeUpdates, index?: IndexUpdates, history?: HistoryRuns): Promise<number>;
}
