/**
 * One update as attribution reads it: who sent it and when, and what it did. While the row is
 * still in the log, `data` is the update itself (`form: "update"`); once compaction folded it
 * into the snapshot, it is the index entry compaction wrote (`form: "index"`,
 * server/sync/updateRanges.ts). Bytes only: the store knows nothing of Yjs.
 */
export interface AttributedUpdate {
  seq: number;
  userId: string | null;
  at: string;
  form: "update" | "index";
  data: Uint8Array;
}

/** Who changed what in a document, for comparisons (and issue 16's history). */
export interface AttributionStore {
  /** Every update of the document that the log or the attribution index knows, by sequence number. */
  attributedUpdates(documentId: string): Promise<AttributedUpdate[]>;
}
