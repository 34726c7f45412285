import path from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import WebSocket from "ws";
import * as Y from "yjs";
import { type Child, diskBytes, freePort, startPinned } from "../proc.ts";
import { hocuspocusHello, yWebsocketHello } from "./rawHello.ts";
import type { BenchClient, RawReceiverSpec, System } from "./System.ts";
import { ywsClient } from "./ywsClient.ts";

/** A peer server run as one pinned child process on a free port; `args`/`env` for a data dir. */
function peer(
  name: string,
  persists: boolean,
  launch: (dataDir: string, port: number) => { args: string[]; env: Record<string, string> },
  connect: (url: string, docName: string) => BenchClient,
  rawReceiver: (url: string, docName: string) => RawReceiverSpec,
): System {
  let child: Child | null = null;
  let dataDir = "";
  let port = 0;
  const run = async () => {
    const { args, env } = launch(dataDir, port);
    child = await startPinned(args, { ...env, PORT: String(port), HOST: "127.0.0.1" }, /(ready on|running at)/);
  };
  return {
    name,
    persists,
    async start(dir) {
      dataDir = dir;
      port = await freePort();
      await run();
    },
    createDocuments: async (count) => Array.from({ length: count }, (_, i) => `bench-${i}`),
    connect: (docName) => connect(`ws://127.0.0.1:${port}`, docName),
    rawReceiver: (docName) => rawReceiver(`ws://127.0.0.1:${port}`, docName),
    async kill9AndRestart(between) {
      await child?.kill9();
      between?.();
      await run();
    },
    async stop() {
      await child?.stop();
    },
    diskBytes: async () => diskBytes(dataDir),
    pids: () => (child ? [child.pid] : []),
  };
}

/** Hocuspocus 3.4.4 + extension-sqlite (debounced store), driven by @hocuspocus/provider. */
export const hocuspocus = (): System =>
  peer(
    "Hocuspocus 3.4.4",
    true,
    (dir) => ({
      args: ["--import", "tsx", "tests/bench/peers/hocuspocus.ts"],
      env: { DB_FILE: path.join(dir, "hocuspocus.sqlite") },
    }),
    (url, docName) => {
      const document = new Y.Doc();
      const websocketProvider = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
      const provider = new HocuspocusProvider({ websocketProvider, name: docName, document });
      provider.attach();
      const synced = new Promise<void>((resolve) => provider.on("synced", () => resolve()));
      if (!provider.awareness) throw new Error("hocuspocus provider without awareness");
      return {
        doc: document,
        awareness: provider.awareness,
        synced,
        destroy() {
          provider.destroy();
          websocketProvider.destroy();
          document.destroy();
        },
      };
    },
    (url, docName) => ({ url, headers: {}, hello: hocuspocusHello(docName), readyOn: "frame" }),
  );

/** @y/websocket-server 0.1.1 with y-leveldb 0.1.2 (YPERSISTENCE), driven by stock y-websocket. */
export const yWebsocketServer = (): System =>
  peer(
    "y-websocket-server 0.1.1",
    true,
    (dir) => ({
      args: ["node_modules/@y/websocket-server/src/server.js"],
      env: { YPERSISTENCE: path.join(dir, "leveldb") },
    }),
    (url, docName) => ywsClient(url, docName),
    (url, docName) => ({ url: `${url}/${docName}`, headers: {}, hello: yWebsocketHello(), readyOn: "frame" }),
  );

/** A raw ws relay (no Yjs on the server): the floor for latency and memory. */
export const wsRelay = (): System =>
  peer(
    "raw ws relay",
    false,
    () => ({ args: ["--import", "tsx", "tests/bench/peers/wsRelay.ts"], env: {} }),
    (url, docName) => ywsClient(url, docName, { syncedOn: "open" }),
    // The relay sends nothing of its own: a reader is joined once its socket is open.
    (url, docName) => ({ url: `${url}/${docName}`, headers: {}, hello: [], readyOn: "open" }),
  );
