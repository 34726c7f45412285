import * as Y from "yjs";
import type { System } from "../systems/System.ts";
import { automergePaperEdits, benchText } from "../traces.ts";
import { allSynced, sleep } from "./common.ts";

export interface StorageResult {
  edits: number;
  encodedStateBytes: number;
  /** Growth of the data on disk while typing (as the files are, WAL included), per 1,000 edits. */
  beforePer1k: number;
  /** After the room unloaded (Accord compacts then) and the files were checkpointed, per 1,000 edits. */
  afterPer1k: number;
  /** Whether the system reported its files checkpointed before the baseline and the "after" figure (within the bound). */
  checkpointed: boolean;
  /** Accord: the document's stored Yjs bytes (snapshot + log) after compaction, per 1,000 edits. */
  payloadPer1k: number | null;
  /** Stored bytes after compaction (Accord: payload; peers: disk growth) / encoded state. */
  afterVsState: number;
}

/** Longest wait for a system to checkpoint its files before disk is read. */
const SETTLE_BOUND_MS = 15_000;

/** Waits until the system says its files are checkpointed, at most SETTLE_BOUND_MS; false if it did not. */
async function diskSettled(system: System): Promise<boolean> {
  if (!system.diskSettled) return true;
  const until = Date.now() + SETTLE_BOUND_MS;
  while (!(await system.diskSettled())) {
    if (Date.now() > until) return false;
    await sleep(100);
  }
  return true;
}

/**
 * The first `count` edits of automerge-paper, one update each, typed by one client; disk
 * growth measured while the room is open and after it unloaded. Baseline and "after" are
 * read once the files are checkpointed (bounded wait), so a WAL's leftovers count on neither side.
 */
export async function storage(
  system: System,
  docName: string,
  count: number,
  settleMs: number,
): Promise<StorageResult> {
  const settledBefore = await diskSettled(system);
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
  const settledAfter = await diskSettled(system);
  const after = (await system.diskBytes()) - baseline;
  const payload = system.payloadBytes ? await system.payloadBytes(docName) : null;
  return {
    edits: edits.length,
    encodedStateBytes,
    beforePer1k: (before / edits.length) * 1000,
    afterPer1k: (after / edits.length) * 1000,
    checkpointed: settledBefore && settledAfter,
    payloadPer1k: payload === null ? null : (payload / edits.length) * 1000,
    afterVsState: (payload ?? after) / encodedStateBytes,
  };
}
