/**
 * RFC 6455 §5.2 framing of one unmasked binary message (server → client), written once
 * per broadcast: every connection of a room is sent the same bytes, so the header and the
 * copy are paid once instead of once per peer.
 */
export function binaryFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const header = length < 126 ? 2 : length < 65_536 ? 4 : 10;
  const frame = Buffer.allocUnsafe(header + length);
  frame[0] = 0x82; // FIN + opcode 2 (binary); no extension bits: permessage-deflate is off
  if (header === 2) frame[1] = length;
  else if (header === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, header);
  return frame;
}

/**
 * The framed bytes of the frame sent last, shared by all the connections of a server: a
 * room's broadcast hands every peer the same Uint8Array in a row, so one entry hits for
 * all but the first. Frames are never mutated once built (messages.ts makes each anew).
 */
export class LastFrame {
  private payload: Uint8Array | null = null;
  private framed: Buffer = Buffer.alloc(0);

  framedOf(payload: Uint8Array): Buffer {
    if (payload !== this.payload) {
      this.framed = binaryFrame(payload);
      this.payload = payload;
    }
    return this.framed;
  }
}
