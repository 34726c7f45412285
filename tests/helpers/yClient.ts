import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { cleanup } from "./cleanup.ts";

/** A stock y-websocket client in Node, authenticated by a session cookie. */
export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server is done. */
  synced: Promise<void>;
  /** Resolves with the code of the first close the server sends. */
  closed: Promise<{ code: number; reason: string }>;
  destroy(): void;
}

/** `ws` with the session cookie attached to the handshake, as a browser would send it. */
const cookieSocket = (cookie: string | null) =>
  class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, cookie ? { headers: { cookie } } : {});
    }
  };

/** Connects a stock WebsocketProvider to `ws://…/collab/<documentId>`; destroyed after the file. */
export function connectClient(
  baseUrl: string,
  documentId: string,
  cookie: string | null,
  options: { reconnect?: boolean; doc?: Y.Doc } = {},
): YClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, "ws")}/collab`, documentId, doc, {
    WebSocketPolyfill: cookieSocket(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on("sync", (isSynced: boolean) => isSynced && resolve());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on("connection-close", (event: { code: number; reason: string } | null) => {
      if (options.reconnect === false) provider.shouldConnect = false;
      resolve({ code: event?.code ?? 0, reason: event?.reason ?? "" });
    });
  });
  const destroy = () => {
    provider.destroy();
    doc.destroy();
  };
  cleanup(destroy);
  return { doc, provider, synced, closed, destroy };
}

/** The plain text of the document's content, paragraph by paragraph. */
export function textOf(doc: Y.Doc): string {
  return doc.getXmlFragment(CONTENT_FIELD).toString();
}

/** Waits until `predicate` holds, polling; fails with `what` after `ms`. */
export async function eventually(predicate: () => boolean, what: string, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Appends a paragraph with `text` to the document content, as an editor would. */
export function appendParagraph(doc: Y.Doc, text: string): void {
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  const content = doc.getXmlFragment(CONTENT_FIELD);
  content.insert(content.length, [paragraph]);
}

/** The first text of the content holding `word`, and where the word starts in it. */
export function textHolding(doc: Y.Doc, word: string): { text: Y.XmlText; at: number } {
  const walk = (node: Y.XmlElement | Y.XmlFragment): { text: Y.XmlText; at: number } | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) {
        const at = child.toString().indexOf(word);
        if (at >= 0) return { text: child, at };
      } else if (child instanceof Y.XmlElement) {
        const found = walk(child);
        if (found) return found;
      }
    }
    return null;
  };
  const found = walk(doc.getXmlFragment(CONTENT_FIELD));
  if (!found) throw new Error(`no "${word}"`);
  return found;
}
