import * as encoding from "lib0/encoding";

/**
 * The frames a raw reader sends to join a document, per protocol. Sync step 1 with an
 * empty state vector asks for the whole document: Accord drops a socket that does not
 * start the handshake in time, and answers it with step 2.
 */
const bytes = (write: (enc: encoding.Encoder) => void): number[] => {
  const enc = encoding.createEncoder();
  write(enc);
  return [...encoding.toUint8Array(enc)];
};

const syncStep1Empty = (enc: encoding.Encoder) => {
  encoding.writeVarUint(enc, 0); // message type Sync
  encoding.writeVarUint(enc, 0); // sync step 1
  encoding.writeVarUint8Array(enc, new Uint8Array([0])); // empty state vector
};

/** y-websocket framing (Accord, @y/websocket-server): sync step 1, nothing else needed. */
export const yWebsocketHello = (): number[][] => [bytes(syncStep1Empty)];

/**
 * Hocuspocus frames start with the document name; a connection is set up only after an
 * Auth/Token message (an empty token: the bench server has no onAuthenticate hook).
 */
export const hocuspocusHello = (docName: string): number[][] => [
  bytes((enc) => {
    encoding.writeVarString(enc, docName);
    encoding.writeVarUint(enc, 2); // message type Auth
    encoding.writeVarUint(enc, 0); // Token
    encoding.writeVarString(enc, "");
  }),
  bytes((enc) => {
    encoding.writeVarString(enc, docName);
    syncStep1Empty(enc);
  }),
];
