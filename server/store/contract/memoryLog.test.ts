import { describe } from "vitest";
import type { StoredState, UpdateRecord } from "../../sync/UpdateLog.ts";
import { DOC_A, DOC_B } from "./fixtures.ts";
import { type ClosableLog, describeUpdateLogContract } from "./updateLogContract.ts";

interface MemoryDoc {
  locked: boolean;
  lastSeq: number;
  snapshot: Uint8Array | null;
  uptoSeq: number;
  rows: { seq: number; data: Uint8Array }[];
}

/** The update log in a few lines of memory: what a sync test can hand a room instead of a database. */
function memoryLog(documentIds: readonly string[]): ClosableLog {
  const docs = new Map<string, MemoryDoc>(
    documentIds.map((id) => [id, { locked: false, lastSeq: 0, snapshot: null, uptoSeq: 0, rows: [] }]),
  );
  const doc = (id: string) => {
    const d = docs.get(id);
    if (!d) throw new Error(`unknown document ${id}`);
    return d;
  };
  const state = (id: string): StoredState => {
    const d = doc(id);
    return { snapshot: d.snapshot, updates: d.rows.map((r) => r.data), lastSeq: d.rows.at(-1)?.seq ?? d.uptoSeq };
  };
  return {
    async appendUpdates(batch: readonly UpdateRecord[]) {
      for (const u of batch) doc(u.documentId); // all or nothing: refuse the batch before storing any of it
      const passes = (id: string) =>
        !doc(id).locked || batch.every((u) => u.documentId !== id || u.commentsOnly === true);
      return batch.map((u) => {
        const d = doc(u.documentId);
        if (!passes(u.documentId)) return null;
        d.rows.push({ seq: ++d.lastSeq, data: u.data });
        return d.lastSeq;
      });
    },
    setDocumentLock: async (id, locked) => {
      doc(id).locked = locked;
    },
    readUpdatesSince: async (id, afterSeq) => {
      const d = doc(id);
      const folded = d.uptoSeq > afterSeq;
      const updates = d.rows.filter((r) => r.seq > afterSeq);
      return { snapshot: folded ? d.snapshot : null, updates, lastSeq: Math.max(d.lastSeq, afterSeq) };
    },
    lastSeqOf: async (id) => docs.get(id)?.lastSeq ?? 0,
    loadState: async (id) => (docs.has(id) ? state(id) : { snapshot: null, updates: [], lastSeq: 0 }),
    tailLength: async (id) => doc(id).rows.length,
    compact: async (id, merge) => {
      const d = doc(id);
      const { snapshot, updates, lastSeq } = state(id);
      if (updates.length === 0) return 0;
      d.snapshot = merge(snapshot, updates);
      d.uptoSeq = lastSeq;
      d.rows = [];
      return updates.length;
    },
    close: async () => {},
  };
}

describe("UpdateLog contract: in memory", () => describeUpdateLogContract(async () => memoryLog([DOC_A, DOC_B])));
