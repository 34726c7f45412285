import type { UpdateRecord } from "../../sync/UpdateLog.ts";
import { byDocument, storableWhileLocked } from "../sql/appendPlan.ts";
import { asBuffer, type PgDatabase } from "./PgDatabase.ts";

/*
 * A whole commit batch in one statement, so one round trip and PostgreSQL's implicit
 * transaction instead of BEGIN, two statements per document and COMMIT (the generic
 * sqlUpdateLog): each document's sequence numbers are taken with the lock check folded in
 * (`pass`: the batch's updates of it may pass a locked log, `storableWhileLocked`), its
 * rows inserted numbered in batch order. The documents' rows are locked first in id order
 * (`ordered`), so instances whose batches share documents take turns and never deadlock
 * (locking in batch order did). A row of an unknown document is inserted too, so that the
 * foreign key fails the statement and nothing of the batch is stored.
 */
const APPEND = `
WITH input AS (
  SELECT * FROM unnest($1::text[], $2::bytea[], $3::text[], $4::boolean[]) WITH ORDINALITY
    AS i(document_id, data, user_id, pass, ord)
), wanted AS (
  SELECT document_id, count(*) AS n, bool_and(pass) AS pass FROM input GROUP BY document_id
), ordered AS (
  SELECT d.id FROM documents d WHERE d.id IN (SELECT document_id FROM wanted) ORDER BY d.id FOR UPDATE
), taken AS (
  UPDATE documents d SET last_seq = d.last_seq + w.n FROM wanted w JOIN ordered o ON o.id = w.document_id
  WHERE d.id = w.document_id AND (w.pass OR NOT d.locked)
  RETURNING d.id, d.last_seq, w.n
), stored AS (
  INSERT INTO updates (document_id, seq, data, user_id, at)
  SELECT i.document_id,
         coalesce(t.last_seq - t.n + row_number() OVER (PARTITION BY i.document_id ORDER BY i.ord), 0),
         i.data, i.user_id, $5::text
  FROM input i LEFT JOIN taken t ON t.id = i.document_id
  WHERE t.id IS NOT NULL OR NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = i.document_id)
)
SELECT id, last_seq FROM taken`;

const FOREIGN_KEY_VIOLATION = "23503";

/** The PostgreSQL `appendUpdates`: same results as the generic one (null where the log is locked). */
export function pgAppendUpdates(db: Pick<PgDatabase, "prepared">) {
  return async (batch: readonly UpdateRecord[]): Promise<(number | null)[]> => {
    const groups = byDocument(batch);
    const pass = new Map([...groups].map(([id, indexes]) => [id, storableWhileLocked(batch, indexes)]));
    let taken: { id: string; last_seq: number }[];
    try {
      taken = await db.prepared<{ id: string; last_seq: number }>("accord_append_updates", APPEND, [
        batch.map((u) => u.documentId),
        batch.map((u) => asBuffer(u.data)),
        batch.map((u) => u.userId),
        batch.map((u) => pass.get(u.documentId) === true),
        new Date().toISOString(),
      ]);
    } catch (err) {
      if ((err as { code?: string }).code !== FOREIGN_KEY_VIOLATION) throw err;
      throw new Error(`append to unknown document (${(err as { detail?: string }).detail ?? "foreign key"})`, {
        cause: err,
      });
    }
    const seqs: (number | null)[] = batch.map(() => null); // null: the document is locked
    for (const { id, last_seq } of taken) {
      const indexes = groups.get(id) ?? [];
      indexes.forEach((i, k) => {
        seqs[i] = last_seq - indexes.length + 1 + k;
      });
    }
    return seqs;
  };
}
