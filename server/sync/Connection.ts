import type { Role } from "../../shared/roles.ts";

/** The two things the sync layer needs from a WebSocket; the adapter provides them. */
export interface Transport {
  send(data: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** The authenticated identity behind a connection, as the session and the organisation table established it. */
export interface ConnectionUser {
  id: string;
  name: string;
  orgId: string;
  /** The organisation's short name, which fits on a caret label ("Kanton BE", "SEM"). */
  orgName: string;
  /** The organisation's `#rrggbb` colour, for the caret. */
  colour: string;
}

/** One client connected to one room. Used as the Yjs transaction origin of its updates. */
export class Connection {
  private closed = false;
  private handshakeTimer: NodeJS.Timeout | null = null;

  constructor(
    readonly user: ConnectionUser,
    readonly role: Role,
    private readonly transport: Transport,
  ) {}

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Calls `onTimeout` unless `handshakeDone` is called within `ms`: a socket that never syncs is dropped. */
  expectHandshake(ms: number, onTimeout: () => void): void {
    this.handshakeTimer = setTimeout(onTimeout, ms);
    this.handshakeTimer.unref();
  }

  handshakeDone(): void {
    if (this.handshakeTimer) clearTimeout(this.handshakeTimer);
    this.handshakeTimer = null;
  }

  send(data: Uint8Array): void {
    if (!this.closed) this.transport.send(data);
  }

  /** Closes once; later calls are ignored so that every refusal path can simply call it. */
  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.transport.close(code, reason);
  }
}
