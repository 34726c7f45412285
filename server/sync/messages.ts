import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as authProtocol from "y-protocols/auth";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CloseCode } from "../../shared/protocol/closeCodes.ts";
import { MessageType } from "../../shared/protocol/messageTypes.ts";
import { ProtocolError } from "./ProtocolError.ts";

/**
 * The frames of the collaboration protocol (PROTOCOL.md, "Frames"): pure writers for what
 * the server sends and readers for what a client sends, in pairs, with y-protocols' own
 * constants and writers. No I/O here. Readers throw ProtocolError (4400) or lib0's range
 * errors on truncated input; the room closes the connection on either.
 */

function frame(type: MessageType, write: (enc: encoding.Encoder) => void): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, type);
  write(enc);
  return encoding.toUint8Array(enc);
}

export const syncStep1Message = (doc: Y.Doc): Uint8Array =>
  frame(MessageType.Sync, (enc) => syncProtocol.writeSyncStep1(enc, doc));

export const syncStep2Message = (doc: Y.Doc, remoteStateVector: Uint8Array): Uint8Array =>
  frame(MessageType.Sync, (enc) => syncProtocol.writeSyncStep2(enc, doc, remoteStateVector));

/** Sync step 2 carrying `update` as it is (a stored state needs no doc to be sent). */
export const syncStep2OfUpdate = (update: Uint8Array): Uint8Array =>
  frame(MessageType.Sync, (enc) => {
    encoding.writeVarUint(enc, syncProtocol.messageYjsSyncStep2);
    encoding.writeVarUint8Array(enc, update);
  });

export const updateMessage = (update: Uint8Array): Uint8Array =>
  frame(MessageType.Sync, (enc) => syncProtocol.writeUpdate(enc, update));

/** An awareness message around an update already encoded (so one encoding serves the frame and other instances). */
export const awarenessUpdateMessage = (update: Uint8Array): Uint8Array =>
  frame(MessageType.Awareness, (enc) => encoding.writeVarUint8Array(enc, update));

export const awarenessMessage = (awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array =>
  awarenessUpdateMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));

/** The y-protocols auth message "permission denied", with a reason the client can show. */
export const permissionDeniedMessage = (reason: string): Uint8Array =>
  frame(MessageType.Auth, (enc) => authProtocol.writePermissionDenied(enc, reason));

/** The message type a frame starts with; its payload follows in `decoder`. */
export const readMessageType = (decoder: decoding.Decoder): number => decoding.readVarUint(decoder);

/**
 * A client's sync message, decoded and not applied (y-protocols' `readSyncMessage` applies
 * at once; the room must judge an update before any doc sees it). Step 2 and update carry
 * the same thing, an update.
 */
export type SyncMessage = { type: "step1"; stateVector: Uint8Array } | { type: "update"; update: Uint8Array };

export function readSyncMessage(decoder: decoding.Decoder): SyncMessage {
  const subtype = decoding.readVarUint(decoder);
  switch (subtype) {
    case syncProtocol.messageYjsSyncStep1: {
      const stateVector = decoding.readVarUint8Array(decoder);
      Y.decodeStateVector(stateVector); // throws on garbage before anything answers it
      return { type: "step1", stateVector };
    }
    case syncProtocol.messageYjsSyncStep2:
    case syncProtocol.messageYjsUpdate:
      return { type: "update", update: decoding.readVarUint8Array(decoder) };
    default:
      throw new ProtocolError(CloseCode.BadMessage, `unknown sync message type ${subtype}`);
  }
}

/** The awareness update an awareness message carries (read entry by entry by `readAwarenessEntries`). */
export const readAwarenessMessage = (decoder: decoding.Decoder): Uint8Array => decoding.readVarUint8Array(decoder);
