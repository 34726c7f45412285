import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as Y from "yjs";

/** A run of Yjs item ids: `length` clocks of `client` from `clock` on. */
export type IdRange = readonly [client: number, clock: number, length: number];

/** What one update did to the document: the items it inserted and the ranges its delete set removes. */
export interface UpdateRanges {
  inserted: IdRange[];
  deleted: IdRange[];
}

/** The ranges of one update, read from its bytes alone (pure: no document needed). */
export function rangesOfUpdate(update: Uint8Array): UpdateRanges {
  const { structs, ds } = Y.decodeUpdate(update);
  const inserted: IdRange[] = [];
  for (const s of structs) {
    if (s instanceof Y.Skip) continue;
    const last = inserted.at(-1);
    // Neighbouring structs of one client (one typed word split by formatting) become one range.
    if (last && last[0] === s.id.client && last[1] + last[2] === s.id.clock) {
      inserted[inserted.length - 1] = [last[0], last[1], last[2] + s.length];
    } else inserted.push([s.id.client, s.id.clock, s.length]);
  }
  const deleted: IdRange[] = [];
  for (const [client, items] of ds.clients) for (const d of items) deleted.push([client, d.clock, d.len]);
  return { inserted, deleted };
}

function writeRanges(encoder: encoding.Encoder, ranges: readonly IdRange[]): void {
  encoding.writeVarUint(encoder, ranges.length);
  for (const [client, clock, length] of ranges) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
    encoding.writeVarUint(encoder, length);
  }
}

function readRanges(decoder: decoding.Decoder): IdRange[] {
  const out: IdRange[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    out.push([decoding.readVarUint(decoder), decoding.readVarUint(decoder), decoding.readVarUint(decoder)]);
  }
  return out;
}

/** Version byte of the encoding, so a later layout can be told apart. */
const FORMAT = 1;

/** The ranges as the attribution index stores them: varuints, a handful of bytes per keystroke. */
export function writeUpdateRanges(ranges: UpdateRanges): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, FORMAT);
  writeRanges(encoder, ranges.inserted);
  writeRanges(encoder, ranges.deleted);
  return encoding.toUint8Array(encoder);
}

/** Reads what `writeUpdateRanges` wrote; throws on anything else. */
export function readUpdateRanges(bytes: Uint8Array): UpdateRanges {
  const decoder = decoding.createDecoder(bytes);
  if (decoding.readVarUint(decoder) !== FORMAT) throw new Error("unknown attribution index format");
  const inserted = readRanges(decoder);
  const deleted = readRanges(decoder);
  return { inserted, deleted };
}

/** Ranges as few as they go: neighbouring runs of one client joined (a word typed key by key is one range). */
function coalesced(ranges: readonly IdRange[]): IdRange[] {
  const out: IdRange[] = [];
  for (const r of [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1])) {
    const last = out.at(-1);
    if (last && last[0] === r[0] && last[1] + last[2] >= r[1]) {
      out[out.length - 1] = [last[0], last[1], Math.max(last[2], r[1] + r[2] - last[1])];
    } else out.push(r);
  }
  return out;
}

/** What compaction keeps of updates it folds (the `IndexUpdates` the sync layer hands the log): their ranges, joined. */
export const indexUpdates = (updates: readonly Uint8Array[]): Uint8Array => {
  const all = updates.map(rangesOfUpdate);
  return writeUpdateRanges({
    inserted: coalesced(all.flatMap((r) => r.inserted)),
    deleted: coalesced(all.flatMap((r) => r.deleted)),
  });
};
