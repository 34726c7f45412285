import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import type { BenchClient } from "./System.ts";

/** A stock y-websocket provider at `${wsBase}/${room}`, optionally with a session cookie. */
export function ywsClient(
  wsBase: string,
  room: string,
  options: { cookie?: string; syncedOn?: "sync" | "open" } = {},
): BenchClient {
  const doc = new Y.Doc();
  const headers = options.cookie ? { headers: { cookie: options.cookie } } : {};
  const Socket = class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, headers);
    }
  };
  const provider = new WebsocketProvider(wsBase, room, doc, {
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
    // The default re-sends the whole state vector every 0 ms = never; keep it off.
    resyncInterval: -1,
  });
  const synced = new Promise<void>((resolve) => {
    if (options.syncedOn === "open") {
      provider.on("status", (e: { status: string }) => e.status === "connected" && resolve());
    } else {
      provider.on("sync", (s: boolean) => s && resolve());
    }
  });
  return {
    doc,
    awareness: provider.awareness,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}
