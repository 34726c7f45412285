import * as Y from "yjs";
import type { System } from "../systems/System.ts";
import { lastParagraphText } from "../traces.ts";
import { allSynced, sleep, until } from "./common.ts";

export interface ColdLoadResult {
  /** Connect → synced of a fresh client right after a kill -9 + restart, per run (ms). */
  loads: number[];
  /** The loaded text had the trace's full length every time. */
  complete: boolean;
  stateBytes: number;
}

/**
 * The automerge-paper history (`update`, one encoded state) is written by a client and
 * persisted the system's own way; then, per run, the server is killed and restarted and a
 * fresh client times connect → synced with the whole text there.
 */
export async function coldLoad(
  system: System,
  docName: string,
  update: Uint8Array,
  runs: number,
): Promise<ColdLoadResult> {
  const expected = new Y.Doc();
  Y.applyUpdate(expected, update);
  const length = lastParagraphText(expected)?.length ?? 0;
  const writer = system.connect(docName, 0);
  await allSynced([writer]);
  Y.applyUpdate(writer.doc, update);
  await sleep(500);
  writer.destroy();
  // Hocuspocus stores after its debounce (2 s) or when the last client leaves; give every peer time.
  await sleep(4000);
  const loads: number[] = [];
  let complete = true;
  for (let r = 0; r < runs; r++) {
    await system.kill9AndRestart();
    const started = performance.now();
    const reader = system.connect(docName, r);
    await allSynced([reader]);
    // Accord sends the snapshot in sync step 2; a peer might follow with more updates.
    const whole = await until(() => (lastParagraphText(reader.doc)?.length ?? 0) >= length, 10_000);
    loads.push(performance.now() - started);
    complete &&= whole;
    reader.destroy();
  }
  return { loads, complete, stateBytes: update.length };
}
