import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { CloseCode, isFinalClose } from "../../../shared/protocol/closeCodes.ts";

/** What the status indicator shows; the same strings go into its `data-status` attribute. */
export type ConnectionPhase = "connected" | "offline" | "connecting";

/** An immutable picture of the connection, replaced on every change (for useSyncExternalStore). */
export interface ConnectionSnapshot {
  phase: ConnectionPhase;
  /** Local document updates made since the last successful sync. */
  pending: number;
  /** Whether this page ever completed a sync with the server. */
  everSynced: boolean;
  /** Close code after which the provider stopped for good (isFinalClose), else null. */
  finalCode: number | null;
  /** Code of the last close, for the hint beside the status while reconnecting. */
  lastCloseCode: number | null;
}

/** The source of `online`/`offline` events and `onLine` (the window and navigator in the browser). */
export interface NetworkSignal {
  readonly onLine: boolean;
  addEventListener(type: "online" | "offline", listener: () => void): void;
  removeEventListener(type: "online" | "offline", listener: () => void): void;
}

const browserNetwork = (): NetworkSignal => ({
  get onLine() {
    return navigator.onLine;
  },
  addEventListener: (type, listener) => window.addEventListener(type, listener),
  removeEventListener: (type, listener) => window.removeEventListener(type, listener),
});

/** The browser's code for a socket that closed without a close frame, e.g. a refused upgrade. */
const ABNORMAL_CLOSURE = 1006;

/**
 * Watches a WebsocketProvider and its Y.Doc and reduces them to what the user needs to
 * know: connected, reconnecting, or offline with N local changes the server has not seen.
 * It also reports connection attempts the server refused before syncing, so the page can
 * check whether the session has expired (a refused upgrade reaches the browser as 1006).
 */
export class ConnectionMonitor {
  private snapshot: ConnectionSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly refusedListeners = new Set<() => void>();
  private browserOffline: boolean;

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly ydoc: Y.Doc,
    /** Origins of updates that are not the user's edits (the IndexedDB copy loading). */
    private readonly replayOrigins: readonly unknown[],
    private readonly network: NetworkSignal = browserNetwork(),
  ) {
    this.browserOffline = !network.onLine;
    this.snapshot = { phase: "connecting", pending: 0, everSynced: false, finalCode: null, lastCloseCode: null };
    provider.on("status", this.refresh);
    provider.on("sync", this.onSync);
    provider.on("connection-close", this.onClose);
    ydoc.on("update", this.onUpdate);
    network.addEventListener("online", this.onOnline);
    network.addEventListener("offline", this.onOffline);
    this.refresh();
  }

  /** Registers a listener for any change of the snapshot; returns its removal. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current snapshot; the same object until something changes. */
  readonly getSnapshot = (): ConnectionSnapshot => this.snapshot;

  /** Registers a listener for attempts refused before syncing (1006 or 4401); returns its removal. */
  onRefused(listener: () => void): () => void {
    this.refusedListeners.add(listener);
    return () => this.refusedListeners.delete(listener);
  }

  /** Detaches every listener; the provider and the doc are destroyed by their owner. */
  destroy(): void {
    this.provider.off("status", this.refresh);
    this.provider.off("sync", this.onSync);
    this.provider.off("connection-close", this.onClose);
    this.ydoc.off("update", this.onUpdate);
    this.network.removeEventListener("online", this.onOnline);
    this.network.removeEventListener("offline", this.onOffline);
    this.listeners.clear();
    this.refusedListeners.clear();
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider || this.replayOrigins.includes(origin)) return;
    if (this.isLive()) return;
    this.update({ pending: this.snapshot.pending + 1 });
  };

  private readonly onSync = (synced: boolean): void => {
    // Sync step 2 has been exchanged both ways: the server holds every local change.
    if (synced) this.update({ pending: 0, everSynced: true, lastCloseCode: null });
    else this.refresh();
  };

  private readonly onClose = (event: CloseEvent | null): void => {
    if (!event) return; // closed by us (disconnect, watchdog): nothing the server said
    // Read before the provider resets it: did this attempt get as far as a sync?
    const syncedThisAttempt = this.provider.synced;
    if (isFinalClose(event.code)) {
      // The provider's shouldReconnect already stopped it; disconnect() makes it explicit
      // and is safe to repeat. Deferred: we are inside the provider's own close handling.
      queueMicrotask(() => this.provider.disconnect());
      this.update({ finalCode: event.code, lastCloseCode: event.code });
    } else {
      this.update({ lastCloseCode: event.code });
    }
    const refused = event.code === ABNORMAL_CLOSURE || event.code === CloseCode.Unauthorized;
    if (refused && !syncedThisAttempt) for (const listener of this.refusedListeners) listener();
  };

  // Without a network the socket cannot work; closing it at once makes "offline" honest
  // instead of waiting half a minute for the provider's watchdog.
  private readonly onOffline = (): void => {
    this.browserOffline = true;
    this.provider.disconnect();
    this.refresh();
  };

  private readonly onOnline = (): void => {
    this.browserOffline = false;
    if (this.snapshot.finalCode === null) this.provider.connect();
    this.refresh();
  };

  private isLive(): boolean {
    return this.provider.wsconnected && this.provider.synced;
  }

  private readonly refresh = (): void => this.update({});

  private update(change: Partial<ConnectionSnapshot>): void {
    const next = { ...this.snapshot, ...change };
    next.phase = this.phaseOf(next);
    const prev = this.snapshot;
    const same = (Object.keys(next) as (keyof ConnectionSnapshot)[]).every((key) => prev[key] === next[key]);
    if (same) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }

  private phaseOf(state: ConnectionSnapshot): ConnectionPhase {
    if (state.finalCode !== null || this.browserOffline) return "offline";
    if (this.isLive()) return "connected";
    return state.pending > 0 ? "offline" : "connecting";
  }
}
