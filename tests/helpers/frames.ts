import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";

/** y-websocket's message type of sync messages (its other types are awareness, auth, query awareness). */
const MESSAGE_SYNC = 0;

/**
 * A sync "update" frame (message type 0, sync step "update" 2) carrying `payload` as is,
 * written with y-protocols' own writer, independent of the server's encoders. `payload`
 * may be anything, to send the server bad updates on purpose.
 */
export function updateFrame(payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MESSAGE_SYNC);
  syncProtocol.writeUpdate(enc, payload);
  return encoding.toUint8Array(enc);
}
