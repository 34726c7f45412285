import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";

/** One simulated editor's connection to a document. */
export interface BenchClient {
  doc: Y.Doc;
  awareness: Awareness;
  /** Resolves after the first sync with the server (the raw relay: once connected). */
  synced: Promise<void>;
  destroy(): void;
}

/**
 * How a raw WebSocket reader (not a Yjs client) joins a document and stays sent its
 * updates: where to connect, with which headers, the frames to send once open, and when
 * it counts as joined (its first frame from the server, or just the open socket).
 */
export interface RawReceiverSpec {
  url: string;
  headers: Record<string, string>;
  hello: number[][];
  readyOn: "frame" | "open";
}

/** A collaboration server under test, behind the same five verbs. */
export interface System {
  name: string;
  /** False for the raw relay: it stores nothing, so cold load, storage and loss do not apply. */
  persists: boolean;
  /** Starts the server(s) on a fresh data dir. */
  start(dataDir: string, env?: Record<string, string>): Promise<void>;
  /** Makes `count` documents servable and returns their names (Accord creates them over REST). */
  createDocuments(count: number): Promise<string[]>;
  /** Connects client number `i` (scale-out systems alternate instances by `i`). */
  connect(docName: string, i: number): BenchClient;
  /** How raw reader number `i` joins `docName` (fan-out at scale). */
  rawReceiver(docName: string, i: number): RawReceiverSpec;
  /** kill -9 every server process, run `between` (e.g. drop the clients), start again on the same data dir. */
  kill9AndRestart(between?: () => void): Promise<void>;
  /** Graceful stop (SIGTERM), so stores can flush. */
  stop(): Promise<void>;
  /** Bytes on disk of the data dir (Accord PostgreSQL: the schema's relation sizes). */
  diskBytes(): Promise<number>;
  /** True once the system's files are checkpointed (Accord SQLite: the WAL is empty); absent: nothing to wait for. */
  diskSettled?(): Promise<boolean>;
  /** Accord only: bytes of the document's stored Yjs data (snapshot + log rows), read with SQL. */
  payloadBytes?(docName: string): Promise<number>;
  /** Server process ids, for RSS and CPU from /proc. */
  pids(): number[];
}
