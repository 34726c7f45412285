import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { ORGANISATIONS, type OrganisationId } from "../../shared/organisations.ts";
import type { Connection } from "./Connection.ts";

/** Awareness client ids one connection may announce (one per tab is normal). */
const MAX_IDS_PER_CONNECTION = 4;

/** The `user` field every awareness state carries, as the server knows the connection. */
export function stampedUser(conn: Connection) {
  const org = ORGANISATIONS[conn.user.orgId as OrganisationId];
  return {
    id: conn.user.id,
    name: conn.user.name,
    orgId: conn.user.orgId,
    // The short name fits on a caret label ("Kanton SO", "SEM").
    orgName: org?.shortName ?? conn.user.orgName,
    color: org?.colour ?? "#5f6b7a",
  };
}

/**
 * Rewrites an awareness update from `conn` so that peers see the identity the session
 * authenticated: each state's `user` is replaced by the server's. Entries for client ids
 * that another user's connection owns are dropped (a client cannot speak for another),
 * as are ids beyond a small per-connection cap. Throws on malformed input.
 */
export function stampAwarenessUpdate(
  payload: Uint8Array,
  conn: Connection,
  ownerOf: (clientId: number) => Connection | undefined,
): Uint8Array {
  const decoder = decoding.createDecoder(payload);
  const entries: { clientId: number; clock: number; state: string }[] = [];
  const count = decoding.readVarUint(decoder);
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const raw = decoding.readVarString(decoder);
    const owner = ownerOf(clientId);
    if (owner && owner !== conn && owner.user.id !== conn.user.id) continue;
    if (!owner && !conn.awarenessIds.has(clientId) && conn.awarenessIds.size >= MAX_IDS_PER_CONNECTION) continue;
    const state: unknown = JSON.parse(raw);
    if (state !== null && (typeof state !== "object" || Array.isArray(state)))
      throw new Error("awareness state is not an object");
    entries.push({
      clientId,
      clock,
      state: JSON.stringify(state === null ? null : { ...state, user: stampedUser(conn) }),
    });
  }
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes in awareness update");
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, e.state);
  }
  return encoding.toUint8Array(encoder);
}
