import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { parse as parseCookie } from "hono/utils/cookie";
import { type RawData, type WebSocket, WebSocketServer } from "ws";
import { CloseCode, closeReason } from "../../shared/protocol/closeCodes.ts";
import type { LiveSessions } from "../accounts/LiveSessions.ts";
import { findSession, SESSION_COOKIE } from "../accounts/sessions.ts";
import { DOCUMENT_ID } from "../documents/documents.ts";
import type { Logger } from "../log.ts";
import { describeOrganisation } from "../organisations/look.ts";
import type { DocumentStore } from "../store/ports/DocumentStore.ts";
import type { OrganisationStore } from "../store/ports/OrganisationStore.ts";
import type { SessionRow, SessionStore } from "../store/ports/SessionStore.ts";
import { Connection, type Transport } from "../sync/Connection.ts";
import { answerFromStore } from "../sync/firstAnswer.ts";
import { ProtocolError } from "../sync/ProtocolError.ts";
import type { Room } from "../sync/Room.ts";
import type { RoomRegistry } from "../sync/RoomRegistry.ts";
import { forwardedClient, normaliseAddress, type TrustedProxies } from "./clientAddress.ts";
import { isAllowedOrigin } from "./origins.ts";
import { LastFrame } from "./wsFrame.ts";

const COLLAB_PATH = /^\/collab\/([^/?]+)\/?$/;
const PING_INTERVAL_MS = 30_000;

export interface CollabSocketOptions {
  store: SessionStore & Pick<OrganisationStore, "findOrganisation"> & Pick<DocumentStore, "findDocument" | "roleOf">;
  rooms: RoomRegistry;
  /** Where open sockets are filed under their session, so that ending it closes them. */
  sessions: LiveSessions;
  log: Logger;
  /** Largest frame accepted; `ws` closes with 1009 above it (its own default would be 100 MiB). */
  maxMessageBytes: number;
  /** Browser origins besides this server's own that may connect. */
  allowedOrigins: readonly string[];
  maxConnectionsPerUser: number;
  maxConnectionsPerAddress: number;
  /** Reverse proxies whose `X-Forwarded-For` names the client (else all users share the proxy's cap). */
  trustedProxies: TrustedProxies;
}

/** Open connections per key; a flood from one user or address is refused before it costs a room. */
class ConnectionCounter {
  private readonly counts = new Map<string, number>();
  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }
  add(key: string): void {
    this.counts.set(key, this.count(key) + 1);
  }
  remove(key: string): void {
    const n = this.count(key) - 1;
    if (n > 0) this.counts.set(key, n);
    else this.counts.delete(key);
  }
}

/**
 * The WebSocket endpoint `/collab/:documentId`, on the HTTP server's upgrade event.
 * The session cookie is checked before the upgrade (401 without one); membership and
 * the document's existence after it, answered with close codes the client understands.
 */
export function attachCollabSocket(server: Server, options: CollabSocketOptions): { close(): void } {
  const { store, rooms, sessions, log } = options;
  // permessage-deflate stays off (ws's default, said here because binaryFrame relies on it):
  // compressing each peer's copy would cost more than the small Yjs frames it saves.
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxMessageBytes, perMessageDeflate: false });
  const frames = new LastFrame();
  const perUser = new ConnectionCounter();
  const perAddress = new ConnectionCounter();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    void upgrade(req, socket, head).catch((err) => {
      log.error("upgrade failed", { error: String(err) });
      refuse(socket, 500, "Internal Server Error");
    });
  };

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = COLLAB_PATH.exec(url.pathname);
    if (!match) return refuse(socket, 404, "Not Found");
    const origin = req.headers.origin;
    if (origin && !isAllowedOrigin(origin, req.headers.host, options.allowedOrigins)) {
      return refuse(socket, 403, "Forbidden");
    }
    const cookies = parseCookie(req.headers.cookie ?? "", SESSION_COOKIE);
    const session = await findSession(store, cookies[SESSION_COOKIE]);
    if (!session) return refuse(socket, 401, "Unauthorized");
    const user = session.user;
    const header = req.headers["x-forwarded-for"];
    const address = forwardedClient(
      normaliseAddress(req.socket.remoteAddress ?? "unknown"),
      Array.isArray(header) ? header.join(",") : header,
      options.trustedProxies,
    );
    if (
      perUser.count(user.id) >= options.maxConnectionsPerUser ||
      perAddress.count(address) >= options.maxConnectionsPerAddress
    ) {
      return refuse(socket, 429, "Too Many Requests");
    }
    const documentId = decodeURIComponent(match[1] ?? "");
    wss.handleUpgrade(req, socket, head, (ws) => {
      perUser.add(user.id);
      perAddress.add(address);
      ws.once("close", () => {
        perUser.remove(user.id);
        perAddress.remove(address);
      });
      void connect(ws, socket, session, documentId);
    });
  }

  /** Why this user may not open this document (4404, 4403), or null if they may. */
  async function admission(documentId: string, userId: string): Promise<CloseCode | null> {
    if (!DOCUMENT_ID.test(documentId) || !(await store.findDocument(documentId))) return CloseCode.DocumentNotFound;
    return (await store.roleOf(documentId, userId)) ? null : CloseCode.Forbidden;
  }

  async function connect(ws: WebSocket, socket: Duplex, session: SessionRow, documentId: string): Promise<void> {
    const { user, tokenHash: sessionId } = session;
    let conn: Connection | null = null;
    // Logout, expiry or deactivation: the socket closes with 4401, and once its Connection
    // is closed the room ignores whatever it still sends.
    const endSession = () =>
      (conn ?? transportOf(ws, socket, frames)).close(CloseCode.Unauthorized, closeReason[CloseCode.Unauthorized]);
    const filed = { id: sessionId, userId: user.id, expiresAt: Date.parse(session.expiresAt) };
    ws.once("close", sessions.add(filed, endSession));
    // Frames that arrive while the room loads are kept and replayed in order.
    const early: RawData[] = [];
    let onFrame = (data: RawData): void => {
      early.push(data);
    };
    ws.on("message", (data, isBinary) => {
      if (!isBinary) return ws.close(CloseCode.BadMessage, "bad message: text frames are not supported");
      // Checked on every frame, before the room applies or stores anything: an update sent
      // after the session ended (an expiry the periodic check has not seen yet) is dropped.
      if (!sessions.isLive(sessionId)) return endSession();
      onFrame(data);
    });
    ws.on("error", (err) => log.warn("websocket error", { documentId, userId: user.id, error: err.message }));
    keepAlive(ws);

    let room: Room;
    let delivered: Map<number, number> | null;
    let loading: Promise<Room> | null = null;
    try {
      // Members only: a stranger must not make the server load a document.
      const refusal = await admission(documentId, user.id);
      if (refusal) return ws.close(refusal, closeReason[refusal]);
      loading = rooms.acquire(documentId);
      // A cold load answers from the stored bytes while the room builds its live doc; the
      // session and the membership are checked again just before anything is sent.
      delivered = await answerFromStore(
        rooms.loadingState(documentId),
        async () =>
          ws.readyState === ws.OPEN && (await store.roleOf(documentId, user.id)) !== null && sessions.isLive(sessionId),
        (frame) => {
          if (ws.readyState !== ws.OPEN) return false;
          ws.send(frame);
          return true;
        },
      );
      room = await loading;
    } catch (err) {
      // Damaged stored state says so (4500); anything else is the store failing to answer.
      const code = err instanceof ProtocolError ? err.code : CloseCode.StorageUnavailable;
      if (code === CloseCode.DocumentLoadFailed)
        log.error("document failed to load", { documentId, error: String(err) });
      ws.close(code, closeReason[code]);
      // Failed before the room was awaited (the re-check's store read): the room it acquired
      // loads all the same, and must be let go of, or it stays open with no one in it.
      loading?.then(
        (loaded) => rooms.releaseIfEmpty(loaded),
        () => {},
      );
      return;
    }
    if (ws.readyState !== ws.OPEN) return rooms.releaseIfEmpty(room);

    let org: Awaited<ReturnType<typeof describeOrganisation>>;
    let role: Awaited<ReturnType<typeof store.roleOf>>;
    try {
      // Carets show the organisation as the table has it now (short name and colour).
      org = await describeOrganisation(store, user.orgId);
      // The role is read last, with no await between it and join: a role change during a
      // cold load would otherwise find no connection to close, and this one would join
      // with the role it had before.
      role = await store.roleOf(documentId, user.id);
    } catch {
      // The store stopped answering (or is closing): this connection gets nothing, and the room is let go of.
      ws.close(CloseCode.StorageUnavailable, closeReason[CloseCode.StorageUnavailable]);
      return rooms.releaseIfEmpty(room);
    }
    if (ws.readyState !== ws.OPEN) return rooms.releaseIfEmpty(room);
    if (!role) {
      ws.close(CloseCode.Forbidden, closeReason[CloseCode.Forbidden]);
      return rooms.releaseIfEmpty(room);
    }
    const identity = { id: user.id, name: user.name, orgId: user.orgId, orgName: org.shortName, colour: org.colour };
    const joined = new Connection(identity, role, transportOf(ws, socket, frames));
    conn = joined;
    room.join(joined, delivered ?? undefined);
    onFrame = (data) => room.receive(joined, toBytes(data));
    for (const data of early.splice(0)) onFrame(data);
    ws.on("close", () => room.leave(joined));
  }

  server.on("upgrade", onUpgrade);
  return {
    close() {
      server.off("upgrade", onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}

/**
 * Frames go straight to the upgraded socket, framed once per broadcast (`frames`), not
 * through `ws.send`, which would frame and copy them again for every peer. Order with
 * ws's own writes (pong, close) holds: with permessage-deflate off, ws writes
 * synchronously too, and nothing is written once it has begun closing.
 */
function transportOf(ws: WebSocket, socket: Duplex, frames: LastFrame): Transport {
  return {
    send: (data) => {
      if (ws.readyState === ws.OPEN) socket.write(frames.framedOf(data));
    },
    close: (code, reason) => ws.close(code, reason),
  };
}

/** Pings every half minute; a peer that did not answer the previous ping is dropped. */
function keepAlive(ws: WebSocket): void {
  let answered = true;
  ws.on("pong", () => {
    answered = true;
  });
  const timer = setInterval(() => {
    if (!answered) return ws.terminate();
    answered = false;
    ws.ping();
  }, PING_INTERVAL_MS);
  ws.on("close", () => clearInterval(timer));
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
