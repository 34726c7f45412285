import type { HistoryStore, HistoryUnit } from "../ports/HistoryStore.ts";
import { bytes } from "./rows.ts";
import type { Param, Sql } from "./Sql.ts";

/** Rows per INSERT: far below SQLite's 32 766 placeholders at seven a row. */
const INSERT_CHUNK = 500;

interface HistoryDbRow {
  first_seq: number;
  last_seq: number;
  user_id: string | null;
  first_at: string;
  last_at: string;
  data: Buffer;
}

const toUnit = (r: HistoryDbRow): HistoryUnit => ({
  firstSeq: Number(r.first_seq),
  lastSeq: Number(r.last_seq),
  userId: r.user_id,
  from: r.first_at,
  to: r.last_at,
  data: bytes(r.data),
});

/**
 * The unit standing in for what the snapshot covers beyond the history (a document compacted
 * before migration 15, or by a compaction that kept no history): the snapshot itself, a full
 * state, so applying it after the earlier units gives exactly the snapshot's state.
 */
async function baselineOf(sql: Sql, documentId: string, afterSeq: number, at: string | undefined) {
  const snap = await sql.get<{ upto_seq: number; data: Buffer; created_at: string }>(
    `SELECT s.upto_seq, s.data, d.created_at FROM snapshots s JOIN documents d ON d.id = s.document_id
       WHERE s.document_id = ?`,
    [documentId],
  );
  if (!snap || Number(snap.upto_seq) <= afterSeq) return undefined;
  const when = at ?? snap.created_at;
  return {
    firstSeq: afterSeq + 1,
    lastSeq: Number(snap.upto_seq),
    userId: null,
    from: when,
    to: when,
    data: bytes(snap.data),
  } satisfies HistoryUnit;
}

const historyRows = (sql: Sql, documentId: string) =>
  sql.all<HistoryDbRow>(
    "SELECT first_seq, last_seq, user_id, first_at, last_at, data FROM update_history WHERE document_id = ? ORDER BY first_seq",
    [documentId],
  );

/**
 * Writes the history of the runs compaction is about to fold, `merged[i]` for `runs[i]` (after
 * a baseline for whatever the snapshot holds that the history does not), in the compaction's
 * transaction.
 */
export async function writeHistory(
  sql: Sql,
  documentId: string,
  runs: readonly { seq: number; user_id: string | null; at: string }[][],
  merged: readonly Uint8Array[],
): Promise<void> {
  const last = await sql.get<{ last_seq: number | null; last_at: string | null }>(
    `SELECT last_seq, last_at FROM update_history WHERE document_id = ? ORDER BY last_seq DESC LIMIT 1`,
    [documentId],
  );
  const baseline = await baselineOf(sql, documentId, Number(last?.last_seq ?? 0), last?.last_at ?? undefined);
  const rows: Param[][] = [];
  if (baseline)
    rows.push([documentId, baseline.firstSeq, baseline.lastSeq, null, baseline.from, baseline.to, baseline.data]);
  for (const [i, run] of runs.entries()) {
    const first = run[0];
    const end = run[run.length - 1];
    const data = merged[i];
    if (!first || !end || !data) throw new Error("a run without its history");
    rows.push([documentId, first.seq, end.seq, first.user_id, first.at, end.at, data]);
  }
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const chunk = rows.slice(i, i + INSERT_CHUNK);
    await sql.run(
      `INSERT INTO update_history (document_id, first_seq, last_seq, user_id, first_at, last_at, data)
         VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ")} ON CONFLICT (document_id, first_seq) DO NOTHING`,
      chunk.flat(),
    );
  }
}

/** The Verlauf's units over either database. */
export function sqlHistory(db: Sql): HistoryStore {
  return {
    historyUnits: (documentId) =>
      db.transaction(async (tx) => {
        const units = (await historyRows(tx, documentId)).map(toUnit);
        const last = units.at(-1);
        const baseline = await baselineOf(tx, documentId, last?.lastSeq ?? 0, last?.to);
        if (baseline) units.push(baseline);
        const live = await tx.all<{ seq: number; user_id: string | null; at: string; data: Buffer }>(
          `SELECT seq, user_id, at, data FROM updates WHERE document_id = ? AND seq > ? ORDER BY seq`,
          [documentId, units.at(-1)?.lastSeq ?? 0],
        );
        for (const r of live) {
          const seq = Number(r.seq);
          units.push({ firstSeq: seq, lastSeq: seq, userId: r.user_id, from: r.at, to: r.at, data: bytes(r.data) });
        }
        return units;
      }),
  };
}
