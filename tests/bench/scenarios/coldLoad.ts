import * as Y from "yjs";
import type { System } from "../systems/System.ts";
import { allSynced, sleep, until } from "./common.ts";

export interface ColdLoadResult {
  /** Connect → synced of a fresh client right after a kill -9 + restart, per run (ms). */
  loads: number[];
  /** The loaded doc held the whole written state every time. */
  complete: boolean;
  stateBytes: number;
}

/** True once `doc` has every clock of every client in `stateVector`. */
const covers = (doc: Y.Doc, stateVector: Map<number, number>) =>
  [...stateVector].every(([client, clock]) => Y.getState(doc.store, client) >= clock);

/**
 * A document's history (`update`, one encoded state) is written by a client and persisted
 * the system's own way; then, per run, the server is killed and restarted and a fresh
 * client times connect → synced with the whole state there.
 */
export async function coldLoad(
  system: System,
  docName: string,
  update: Uint8Array,
  runs: number,
): Promise<ColdLoadResult> {
  const written = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
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
    // Accord sends the whole state in its first sync step 2; a peer might follow with more updates.
    const whole = await until(() => covers(reader.doc, written), 10_000);
    loads.push(performance.now() - started);
    complete &&= whole;
    reader.destroy();
  }
  return { loads, complete, stateBytes: update.length };
}
