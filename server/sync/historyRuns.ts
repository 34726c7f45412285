import * as encoding from "lib0/encoding";
import * as Y from "yjs";
import type { HistoryRuns } from "./UpdateLog.ts";

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

/** A delete set as yjs writes it in a v1 update (clients descending, varuints). */
function encodeDeleteSet(ds: DeleteSet): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, ds.clients.size);
  for (const [client, items] of [...ds.clients.entries()].sort((a, b) => b[0] - a[0])) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, items.length);
    for (const item of items) {
      encoding.writeVarUint(encoder, item.clock);
      encoding.writeVarUint(encoder, item.len);
    }
  }
  return encoding.toUint8Array(encoder);
}

const endsWith = (bytes: Uint8Array, suffix: Uint8Array) =>
  suffix.length <= bytes.length && suffix.every((b, i) => bytes[bytes.length - suffix.length + i] === b);

/**
 * `diff` (structs, then the document's whole delete set) with the run's own delete set in
 * its place, so a row does not repeat every deletion before it; undefined if the bytes are
 * not laid out as expected.
 */
function withOwnDeletes(diff: Uint8Array, own: DeleteSet): Uint8Array | undefined {
  const whole = encodeDeleteSet(Y.decodeUpdate(diff).ds);
  if (!endsWith(diff, whole)) return undefined;
  const ownBytes = encodeDeleteSet(own);
  const out = new Uint8Array(diff.length - whole.length + ownBytes.length);
  out.set(diff.subarray(0, diff.length - whole.length));
  out.set(ownBytes, diff.length - whole.length);
  return out;
}

/**
 * The Verlauf's record of each run: integrated into a doc that keeps deleted content (gc
 * off) after the snapshot, and read back as the difference the run made. Integration joins
 * a typed word's keystrokes into one item, which `Y.mergeUpdates` cannot (it keeps one item
 * per keystroke, some 8 bytes each); the fallback is that merge, lossless too.
 */
export const historyRuns: HistoryRuns = (snapshot, runs) => {
  const doc = new Y.Doc({ gc: false });
  try {
    if (snapshot) Y.applyUpdate(doc, snapshot);
    return runs.map((run) => {
      const before = Y.encodeStateVector(doc);
      doc.transact(() => {
        for (const u of run) Y.applyUpdate(doc, u);
      });
      const pending = doc.store.pendingStructs || doc.store.pendingDs;
      const own = Y.mergeDeleteSets(run.map((u) => Y.decodeUpdate(u).ds));
      return (!pending && withOwnDeletes(Y.encodeStateAsUpdate(doc, before), own)) || Y.mergeUpdates([...run]);
    });
  } finally {
    doc.destroy();
  }
};
