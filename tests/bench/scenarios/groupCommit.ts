import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as Y from "yjs";
import { createLogger } from "../../../server/log.ts";
import { openSqliteStore } from "../../../server/store/sqlite/openSqliteStore.ts";
import { type CommitListener, GroupCommit } from "../../../server/sync/GroupCommit.ts";
import { summarise } from "../stats.ts";
import { sleep } from "./common.ts";

export interface CeilingRow {
  offered: number;
  persisted: number;
  p50: number;
  p99: number;
  max: number;
}

/** 1,000 real one-character Yjs updates, reused as payloads (the store treats them as bytes). */
function smallUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => out.push(u));
  const text = doc.getText("t");
  for (let i = 0; i < 1000; i++) text.insert(i, "x");
  return out;
}

/**
 * Accord's GroupCommit over the SQLite store (WAL, synchronous=FULL), in this process: for
 * each offered rate, updates to 100 documents are enqueued every millisecond-ish for
 * `seconds`; persisted/s and enqueue→committed latency are measured.
 */
export async function groupCommitCeiling(rates: number[], seconds: number): Promise<CeilingRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "accord-bench-gc-"));
  const store = await openSqliteStore(path.join(dir, "accord.sqlite"));
  try {
    await store.createUser({ id: "u", email: "u@so.ch", name: "U", orgId: "kanton-so", passwordHash: "x" });
    const docs: string[] = [];
    for (let i = 0; i < 100; i++) {
      docs.push(
        (
          await store.createDocument({
            id: `d${i}`,
            title: "t",
            kind: "concept",
            ownerId: "u",
            crossPartyAcceptance: false,
            parties: [
              { orgId: "kanton-so", role: "canton" },
              { orgId: "sem", role: "federal" },
            ],
          })
        ).id,
      );
    }
    const payloads = smallUpdates();
    const rows: CeilingRow[] = [];
    for (const offered of rates) {
      const commit = new GroupCommit(store, createLogger("silent"));
      const latencies: number[] = [];
      const sentAt = new Map<number, number>();
      let persisted = 0;
      const listener: CommitListener = {
        committed(ticket) {
          const now = performance.now();
          for (const [t, at] of sentAt) {
            if (t > ticket) break;
            latencies.push(now - at);
            sentAt.delete(t);
            persisted++;
          }
        },
        commitFailed: (error) => {
          throw error;
        },
      };
      const started = performance.now();
      const end = started + seconds * 1000;
      let sent = 0;
      while (performance.now() < end) {
        const due = Math.floor(((performance.now() - started) / 1000) * offered);
        for (; sent < due; sent++) {
          const record = {
            documentId: docs[sent % docs.length] ?? "",
            data: payloads[sent % 1000] ?? new Uint8Array(),
            userId: "u",
          };
          sentAt.set(commit.enqueue(record, listener), performance.now());
        }
        await new Promise((r) => setImmediate(r));
      }
      await commit.flush();
      const elapsed = (performance.now() - started) / 1000;
      const s = summarise(latencies);
      rows.push({ offered, persisted: persisted / elapsed, p50: s.median, p99: s.p99, max: s.max });
      await sleep(200);
    }
    return rows;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
