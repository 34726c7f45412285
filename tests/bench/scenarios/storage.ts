import * as Y from "yjs";
import type { System } from "../systems/System.ts";
import { automergePaperEdits, benchText } from "../traces.ts";
import { allSynced, sleep } from "./common.ts";

export interface StorageResult {
  edits: number;
  encodedStateBytes: number;
  /** Growth of the data on disk while typing, per 1,000 edits. */
  beforePer1k: number;
  /** After the room unloaded (Accord compacts then), per 1,000 edits. */
  afterPer1k: number;
  /** Accord: the document's stored Yjs bytes (snapshot + log) after compaction, per 1,000 edits. */
  payloadPer1k: number | null;
  /** Stored bytes after compaction (Accord: payload; peers: disk growth) / encoded state. */
  afterVsState: number;
}

/**
 * The first `count` edits of automerge-paper, one update each, typed by one client; disk
 * growth measured while the room is open and after it unloaded.
 */
export async function storage(
  system: System,
  docName: string,
  count: number,
  settleMs: number,
): Promise<StorageResult> {
  const baseline = await system.diskBytes();
  const writer = system.connect(docName, 0);
  await allSynced([writer]);
  const text = benchText(writer.doc);
  const edits = automergePaperEdits(count);
  for (let i = 0; i < edits.length; i++) {
    const [pos, del, ins] = edits[i] ?? [0, 0, ""];
    const at = Math.min(pos, text.length);
    if (del > 0) text.delete(at, Math.min(del, text.length - at));
    if (ins) text.insert(at, ins);
    if (i % 100 === 99) await sleep(5); // let the socket drain, as real typing would
  }
  await sleep(3000);
  const before = (await system.diskBytes()) - baseline;
  const encodedStateBytes = Y.encodeStateAsUpdate(writer.doc).length;
  writer.destroy();
  await sleep(settleMs);
  const after = (await system.diskBytes()) - baseline;
  const payload = system.payloadBytes ? await system.payloadBytes(docName) : null;
  return {
    edits: edits.length,
    encodedStateBytes,
    beforePer1k: (before / edits.length) * 1000,
    afterPer1k: (after / edits.length) * 1000,
    payloadPer1k: payload === null ? null : (payload / edits.length) * 1000,
    afterVsState: (payload ?? after) / encodedStateBytes,
  };
}
