import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import type { Connection } from "./Connection.ts";
import { ProtocolError } from "./ProtocolError.ts";

/** One entry of a y-protocols awareness update, its state still as the JSON bytes sent. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The state as JSON in UTF-8 (`null` removes it), not yet parsed. */
  state: Uint8Array;
}

/** The `user` field every awareness state carries, as the server knows the connection (organisation from the table). */
export function stampedUser(conn: Connection) {
  return {
    id: conn.user.id,
    name: conn.user.name,
    orgId: conn.user.orgId,
    orgName: conn.user.orgName,
    color: conn.user.colour,
  };
}

/**
 * Reads the entries of an awareness update without parsing their states (a state is a
 * varString: the same bytes as a varUint8Array), so an oversize one costs no JSON parse.
 * Throws on malformed input.
 */
export function readAwarenessEntries(payload: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(payload);
  const entries: AwarenessEntry[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientId, clock, state: decoding.readVarUint8Array(decoder) });
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError(CloseCode.BadMessage, "trailing bytes in awareness update");
  return entries;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * Writes `entries` as an awareness update in which each state's `user` is the one the
 * session authenticated, so peers never see a name the client claimed. Throws if a state
 * is not a JSON object (or null).
 */
export function writeStampedUpdate(entries: readonly AwarenessEntry[], conn: Connection): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    const state: unknown = JSON.parse(utf8.decode(e.state));
    if (state !== null && (typeof state !== "object" || Array.isArray(state)))
      throw new ProtocolError(CloseCode.BadMessage, "awareness state is not an object");
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(state === null ? null : { ...state, user: stampedUser(conn) }));
  }
  return encoding.toUint8Array(encoder);
}
