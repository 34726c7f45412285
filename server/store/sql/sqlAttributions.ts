import type { AttributedUpdate, AttributionStore } from "../ports/AttributionStore.ts";
import { bytes } from "./rows.ts";
import type { Sql } from "./Sql.ts";

interface Row {
  seq: number;
  user_id: string | null;
  at: string;
  form: "update" | "index";
  data: Buffer;
}

/** The attribution index and the log's rows, over either database. */
export function sqlAttributions(db: Sql): AttributionStore {
  return {
    async attributedUpdates(documentId: string): Promise<AttributedUpdate[]> {
      // In one transaction, so a compaction between the two reads cannot hide a row from both.
      const rows = await db.transaction(async (tx) => [
        ...(await tx.all<Row>(
          "SELECT seq, user_id, at, 'index' AS form, data FROM update_attributions WHERE document_id = ? ORDER BY seq",
          [documentId],
        )),
        ...(await tx.all<Row>(
          "SELECT seq, user_id, at, 'update' AS form, data FROM updates WHERE document_id = ? ORDER BY seq",
          [documentId],
        )),
      ]);
      const bySeq = new Map<number, AttributedUpdate>();
      for (const r of rows) {
        bySeq.set(Number(r.seq), {
          seq: Number(r.seq),
          userId: r.user_id,
          at: r.at,
          form: r.form,
          data: bytes(r.data),
        });
      }
      return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
    },
  };
}
