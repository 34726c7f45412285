import WebSocket from "ws";
import { cleanup } from "./cleanup.ts";

/** A raw WebSocket to the collab endpoint, for speaking the protocol badly on purpose. */
export interface RawSocket {
  ws: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  /** HTTP status if the upgrade was refused. */
  refused: Promise<number>;
}

export function rawSocket(baseUrl: string, documentId: string, cookie: string | null): RawSocket {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, "ws")}/collab/${documentId}`, {
    headers: cookie ? { cookie } : {},
  });
  ws.on("error", () => {});
  const opened = new Promise<void>((resolve) => ws.once("open", () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const refused = new Promise<number>((resolve) =>
    ws.once("unexpected-response", (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    }),
  );
  cleanup(() => ws.terminate());
  return { ws, opened, closed, refused };
}
