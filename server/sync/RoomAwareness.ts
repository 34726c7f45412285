import * as awarenessProtocol from "y-protocols/awareness";
import type * as Y from "yjs";
import type { Logger } from "../log.ts";
import { AwarenessGate } from "./AwarenessGate.ts";
import type { Connection } from "./Connection.ts";
import { awarenessMessage, awarenessUpdateMessage } from "./messages.ts";
import { REMOTE_ORIGIN } from "./origins.ts";

/** Where a room's awareness changes go: its connections here, and other instances. */
export interface AwarenessOutlets {
  /** Sends a frame to every connection of the room (through its outbox). */
  broadcast(frame: Uint8Array): void;
  /** Sends a frame to one connection (through the outbox). */
  sendTo(conn: Connection, frame: Uint8Array): void;
  /** An awareness change made here (not one relayed from another instance), for the others. */
  published(update: Uint8Array): void;
}

/**
 * A room's awareness (carets, selections): the server has none of its own; each change is
 * shown to every connection, and a change made here is published to other instances. Who
 * may write which entries is the AwarenessGate's to decide.
 */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly gate: AwarenessGate;
  private destroyed = false;

  constructor(
    doc: Y.Doc,
    log: Logger,
    private readonly outlets: AwarenessOutlets,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null); // the server has no caret
    this.gate = new AwarenessGate(this.awareness, log);
    this.awareness.on("update", this.onUpdate);
  }

  /** The awareness message a newcomer gets on joining, or null when nobody has a state. */
  statesMessage(): Uint8Array | null {
    const states = [...this.awareness.getStates().keys()];
    return states.length > 0 ? awarenessMessage(this.awareness, states) : null;
  }

  /** An awareness update from `conn`. Throws on malformed input (the room closes with 4400). */
  receive(conn: Connection, payload: Uint8Array): void {
    this.gate.receive(conn, payload);
  }

  /** `conn` asked for every state. Each answer carries them all: a flood of queries would multiply them. */
  query(conn: Connection): void {
    if (this.gate.mayQuery(conn))
      this.outlets.sendTo(conn, awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
  }

  /** An awareness change relayed from another instance: shown to this instance's connections. */
  receiveRemote(update: Uint8Array): void {
    if (this.destroyed) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /** `conn` left: its states are removed and its ids free for others. */
  leave(conn: Connection): void {
    this.gate.leave(conn);
  }

  destroy(): void {
    this.destroyed = true;
    this.awareness.off("update", this.onUpdate);
    this.gate.destroy();
    this.awareness.destroy();
  }

  private readonly onUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    // Encoded once (it stringifies every changed state) for the frame and for the other instances.
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
    this.outlets.broadcast(awarenessUpdateMessage(update));
    if (origin !== REMOTE_ORIGIN) this.outlets.published(update);
  };
}
