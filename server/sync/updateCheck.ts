import * as Y from "yjs";

/** An incoming update that does not decode as a Yjs update; it must not reach the doc or the store. */
export class MalformedUpdateError extends Error {
  override name = "MalformedUpdateError";
}

/**
 * Decodes an update completely before anything applies it. `Y.applyUpdate` trusts its
 * input: an empty buffer or garbage used to loop forever (yjs#479, #498, #516) and a
 * broken update can throw half-way through integration. Decoding first, with lib0's
 * bounds-checked reads, turns all of that into one catchable error.
 */
export function checkUpdate(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> {
  if (update.byteLength < 2) throw new MalformedUpdateError("update too short");
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (err) {
    throw new MalformedUpdateError(`update does not decode: ${(err as Error).message}`);
  }
  for (const struct of decoded.structs) {
    const { client, clock } = struct.id;
    if (!isUint53(client) || !isUint53(clock) || !isUint53(struct.length) || struct.length === 0) {
      throw new MalformedUpdateError("update has an invalid struct id or length");
    }
  }
  return decoded;
}

const isUint53 = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
