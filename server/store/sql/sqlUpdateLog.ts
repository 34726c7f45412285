import type {
  HistoryRuns,
  IndexUpdates,
  MergeUpdates,
  StoredState,
  UpdateLog,
  UpdateRecord,
  UpdatesSince,
} from "../../sync/UpdateLog.ts";
import { byDocument, storableWhileLocked } from "./appendPlan.ts";
import { setLogLock } from "./documentLock.ts";
import { bytes } from "./rows.ts";
import type { Param, Sql } from "./Sql.ts";
import { writeHistory } from "./sqlHistory.ts";

/** Rows per INSERT: far below SQLite's 32 766 placeholders at five a row. */
const INSERT_CHUNK = 500;

interface SnapshotDbRow {
  upto_seq: number;
  data: Buffer;
}

const snapshotOf = (sql: Sql, documentId: string) =>
  sql.get<SnapshotDbRow>("SELECT upto_seq, data FROM snapshots WHERE document_id = ?", [documentId]);

const tailAfter = (sql: Sql, documentId: string, afterSeq: number) =>
  sql.all<{ seq: number; data: Buffer }>(
    "SELECT seq, data FROM updates WHERE document_id = ? AND seq > ? ORDER BY seq",
    [documentId, afterSeq],
  );

async function readState(sql: Sql, documentId: string): Promise<StoredState> {
  const snap = await snapshotOf(sql, documentId);
  const uptoSeq = snap?.upto_seq ?? 0;
  const rows = await tailAfter(sql, documentId, uptoSeq);
  return {
    snapshot: snap ? bytes(snap.data) : null,
    updates: rows.map((r) => bytes(r.data)),
    lastSeq: rows.at(-1)?.seq ?? uptoSeq,
  };
}

/**
 * Takes `count` sequence numbers of a document in one statement, unless the log is locked
 * and the updates may not pass it; the last number taken, or undefined.
 */
async function takeSeqs(sql: Sql, documentId: string, count: number, passLock: boolean) {
  const row = await sql.get<{ last_seq: number }>(
    `UPDATE documents SET last_seq = last_seq + ? WHERE id = ?${passLock ? "" : " AND locked = ?"} RETURNING last_seq`,
    passLock ? [count, documentId] : [count, documentId, false],
  );
  return row?.last_seq;
}

async function insertRows(sql: Sql, rows: readonly [string, number, Uint8Array, string | null, string][]) {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    await sql.run(
      `INSERT INTO updates (document_id, seq, data, user_id, at) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?)").join(", ")}`,
      chunk.flat() satisfies Param[],
    );
  }
}

/** The quarter hour an ISO time falls in (the time it starts), for grouping index entries. */
function quarterOf(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : new Date(t - (t % 900_000)).toISOString();
}

interface LogRow {
  seq: number;
  data: Uint8Array;
  user_id: string | null;
  at: string;
}

/**
 * The rows after the snapshot (before compaction drops them) in runs: consecutive rows of one
 * user within one quarter hour, so a typing session costs a few index and history rows, not
 * one per keystroke.
 */
async function runsAfterSnapshot(sql: Sql, documentId: string): Promise<LogRow[][]> {
  const rows = await sql.all<{ seq: number; data: Buffer; user_id: string | null; at: string }>(
    `SELECT seq, data, user_id, at FROM updates WHERE document_id = ?
       AND seq > coalesce((SELECT upto_seq FROM snapshots WHERE document_id = ?), 0) ORDER BY seq`,
    [documentId, documentId],
  );
  const runs: LogRow[][] = [];
  for (const r of rows) {
    const row = { seq: Number(r.seq), data: bytes(r.data), user_id: r.user_id, at: r.at };
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.user_id === row.user_id && quarterOf(last.at) === quarterOf(row.at)) run.push(row);
    else runs.push([row]);
  }
  return runs;
}

/** Index entries of the runs: one per run, under the run's last sequence number and time. */
async function writeIndex(sql: Sql, documentId: string, runs: readonly LogRow[][], index: IndexUpdates) {
  const entries = runs.map((run): Param[] => {
    const last = run[run.length - 1] as LogRow;
    return [documentId, last.seq, last.user_id, last.at, index(run.map((r) => r.data))];
  });
  for (let i = 0; i < entries.length; i += INSERT_CHUNK) {
    const chunk = entries.slice(i, i + INSERT_CHUNK);
    await sql.run(
      `INSERT INTO update_attributions (document_id, seq, user_id, at, data) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?)").join(", ")}
         ON CONFLICT (document_id, seq) DO NOTHING`,
      chunk.flat(),
    );
  }
}

/** The update log over either database: the sync layer's only view of storage. */
export function sqlUpdateLog(db: Sql): UpdateLog {
  return {
    async appendUpdates(batch: readonly UpdateRecord[]): Promise<(number | null)[]> {
      const at = new Date().toISOString();
      return db.transaction(async (tx) => {
        const seqs: (number | null)[] = batch.map(() => null); // null: the document is locked
        for (const [documentId, indexes] of byDocument(batch)) {
          const last = await takeSeqs(tx, documentId, indexes.length, storableWhileLocked(batch, indexes));
          if (last === undefined) {
            if (await tx.get("SELECT 1 AS found FROM documents WHERE id = ?", [documentId])) continue;
            throw new Error(`append to unknown document ${documentId}`);
          }
          const first = last - indexes.length + 1;
          const rows = indexes.map((i, k): [string, number, Uint8Array, string | null, string] => {
            const u = batch[i] as UpdateRecord;
            seqs[i] = first + k;
            return [documentId, first + k, u.data, u.userId, at];
          });
          await insertRows(tx, rows);
        }
        return seqs;
      });
    },

    setDocumentLock: (documentId, locked) => setLogLock(db, documentId, locked),

    readUpdatesSince(documentId: string, afterSeq: number): Promise<UpdatesSince> {
      return db.transaction(async (tx) => {
        const snap = await snapshotOf(tx, documentId);
        const folded = snap !== undefined && snap.upto_seq > afterSeq;
        const from = folded ? snap.upto_seq : afterSeq;
        const rows = await tailAfter(tx, documentId, from);
        return {
          snapshot: folded ? bytes(snap.data) : null,
          updates: rows.map((r) => ({ seq: r.seq, data: bytes(r.data) })),
          lastSeq: rows.at(-1)?.seq ?? Math.max(from, afterSeq),
        };
      });
    },

    async lastSeqOf(documentId: string): Promise<number> {
      return (
        (await db.get<{ last_seq: number }>("SELECT last_seq FROM documents WHERE id = ?", [documentId]))?.last_seq ?? 0
      );
    },

    loadState: (documentId) => db.transaction((tx) => readState(tx, documentId)),

    async tailLength(documentId: string): Promise<number> {
      const row = await db.get<{ n: number }>(
        `SELECT count(*) AS n FROM updates u WHERE u.document_id = ?
           AND u.seq > coalesce((SELECT upto_seq FROM snapshots s WHERE s.document_id = u.document_id), 0)`,
        [documentId],
      );
      return row?.n ?? 0;
    },

    compact(documentId: string, merge: MergeUpdates, index?: IndexUpdates, history?: HistoryRuns): Promise<number> {
      return db.transaction(async (tx) => {
        // Appends lock the same row, so nothing is added between reading and deleting.
        await tx.lockDocument(documentId);
        const state = await readState(tx, documentId);
        if (state.updates.length === 0) return 0;
        const merged = merge(state.snapshot, state.updates);
        const runs = index || history ? await runsAfterSnapshot(tx, documentId) : [];
        if (index) await writeIndex(tx, documentId, runs, index);
        // Before the snapshot is replaced: a baseline row keeps the old one if the history lacks it.
        if (history)
          await writeHistory(
            tx,
            documentId,
            runs,
            history(
              state.snapshot,
              runs.map((run) => run.map((r) => r.data)),
            ),
          );
        await tx.run(
          `INSERT INTO snapshots (document_id, upto_seq, data) VALUES (?, ?, ?)
             ON CONFLICT (document_id) DO UPDATE SET upto_seq = excluded.upto_seq, data = excluded.data`,
          [documentId, state.lastSeq, merged],
        );
        await tx.run("DELETE FROM updates WHERE document_id = ? AND seq <= ?", [documentId, state.lastSeq]);
        return state.updates.length;
      });
    },
  };
}
