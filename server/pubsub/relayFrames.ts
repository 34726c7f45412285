/*
 * The bytes of one relay message on a document's channel, after `kind ‖ sender id`:
 * UPDATE carries one update as `seq (u64) ‖ payload`; UPDATES carries several of one
 * commit as `(seq (u64) ‖ length (u32) ‖ payload)*`, so a batch costs one PUBLISH per
 * document. An instance that does not know UPDATES ignores it and catches up from the store.
 */

export const UPDATE = 1;
export const AWARENESS = 2;
export const UPDATES = 3;

export interface RelayedUpdate {
  seq: number;
  data: Uint8Array;
}

/** The body of an UPDATE (one) or UPDATES (several) message. */
export function encodeUpdates(updates: readonly RelayedUpdate[]): { kind: number; body: Buffer } {
  const [only] = updates;
  if (updates.length === 1 && only) {
    const seq = Buffer.alloc(8);
    seq.writeBigUInt64BE(BigInt(only.seq));
    return { kind: UPDATE, body: Buffer.concat([seq, only.data]) };
  }
  const parts: Uint8Array[] = [];
  for (const u of updates) {
    const head = Buffer.alloc(12);
    head.writeBigUInt64BE(BigInt(u.seq));
    head.writeUInt32BE(u.data.byteLength, 8);
    parts.push(head, u.data);
  }
  return { kind: UPDATES, body: Buffer.concat(parts) };
}

/** The updates of a message body of `kind`, in order; null if the body is malformed. */
export function decodeUpdates(kind: number, body: Buffer): RelayedUpdate[] | null {
  if (kind === UPDATE) {
    if (body.length < 8) return null;
    return [{ seq: Number(body.readBigUInt64BE(0)), data: new Uint8Array(body.subarray(8)) }];
  }
  const out: RelayedUpdate[] = [];
  for (let at = 0; at < body.length; ) {
    if (body.length - at < 12) return null;
    const seq = Number(body.readBigUInt64BE(at));
    const length = body.readUInt32BE(at + 8);
    at += 12;
    if (body.length - at < length) return null;
    out.push({ seq, data: new Uint8Array(body.subarray(at, at + length)) });
    at += length;
  }
  return out;
}
