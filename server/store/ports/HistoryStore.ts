/**
 * One unit of a document's history as the Verlauf reads it: a run of consecutive updates of
 * one person within one quarter hour that compaction folded (`update_history`), or one row
 * still in the log. `data` is a Yjs update (the run's updates merged); the state after a unit
 * is all units up to it applied in order. Bytes only: the store knows nothing of Yjs.
 */
export interface HistoryUnit {
  firstSeq: number;
  lastSeq: number;
  /** Null: the server or seed, or the baseline of a document compacted before the history. */
  userId: string | null;
  from: string;
  to: string;
  data: Uint8Array;
}

/** The Verlauf's reading of the update log (issue 16). */
export interface HistoryStore {
  /**
   * Every unit of the document in sequence order, read in one transaction (a compaction in
   * between cannot hide rows). A document whose snapshot predates the history and that has
   * not been compacted since starts with that snapshot as a baseline unit (user null).
   */
  historyUnits(documentId: string): Promise<HistoryUnit[]>;
}
