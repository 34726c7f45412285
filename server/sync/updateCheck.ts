import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { ProtocolError } from "./ProtocolError.ts";

/** An update that does not decode as a Yjs update (4400); it must not reach the doc or the store. */
const malformed = (detail: string) => new ProtocolError(CloseCode.BadMessage, detail);

/**
 * Decodes an update completely before anything applies it. `Y.applyUpdate` trusts its
 * input: an empty buffer or garbage used to loop forever (yjs#479, #498, #516) and a
 * broken update can throw half-way through integration. Decoding first, with lib0's
 * bounds-checked reads, turns all of that into one catchable error (a ProtocolError with 4400).
 */
export function checkUpdate(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  if (update.byteLength < 2) throw malformed("update too short");
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    throw malformed(`update does not decode: ${(err as Error).message}`);
  }
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id;
    if (!isUint53(client) || !isUint53(clock) || !isUint53(struct.length) || struct.length === 0) {
      throw malformed("update has an invalid struct id or length");
    }
  }
  return decoded;
}

const isUint53 = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
