import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { parseConfig } from "../../server/config.ts";
import { createLogger } from "../../server/log.ts";
import { type AccordServer, startServer } from "../../server/startServer.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { TEST_DATABASE_URL, TEST_REDIS_URL, withSearchPath } from "../helpers/services.ts";
import { type Summary, summarise } from "./stats.ts";

const PASSWORD = "accord-bench";
const DOC = "kip3-konzept-so";

async function signIn(url: string, email: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  return res.headers.get("set-cookie")?.split(";")[0] ?? "";
}

function client(url: string, cookie: string) {
  const doc = new Y.Doc();
  const Socket = class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  };
  const provider = new WebsocketProvider(`${url.replace(/^http/, "ws")}/collab`, DOC, doc, {
    WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  const synced = new Promise<void>((resolve) => provider.on("sync", (s: boolean) => s && resolve()));
  return { doc, provider, synced };
}

/**
 * The latency the Redis hop adds: a writer on instance A types; a reader on A and a reader
 * on B (same PostgreSQL, relayed through Redis) time each keystroke's arrival.
 */
export async function measureRedisHop(edits = 300): Promise<{ sameInstance: Summary; otherInstance: Summary }> {
  const base = TEST_DATABASE_URL;
  const schema = `accord_bench_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const dirs: string[] = [];
  const servers: AccordServer[] = [];
  try {
    const prefix = `accord-bench-${randomBytes(4).toString("hex")}:`;
    const env = (dir: string) => ({
      PORT: "0",
      HOST: "127.0.0.1",
      DATA_DIR: dir,
      LOG_LEVEL: "error" as const,
      ACCORD_DEMO_PASSWORD: PASSWORD,
      DATABASE_URL: withSearchPath(base, schema),
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
    });
    for (let i = 0; i < 2; i++) {
      const dir = mkdtempSync(path.join(tmpdir(), "accord-bench-hop-"));
      dirs.push(dir);
      const config = parseConfig(env(dir));
      servers.push(await startServer(config, createLogger(config.logLevel)));
    }
    const [a, b] = servers as [AccordServer, AccordServer];
    const writer = client(a.url, await signIn(a.url, "andrea.meier@so.ch"));
    const near = client(a.url, await signIn(a.url, "lukas.frei@so.ch"));
    const far = client(b.url, await signIn(b.url, "lukas.frei@so.ch"));
    await Promise.all([writer.synced, near.synced, far.synced]);
    const text = writer.doc.getXmlFragment(CONTENT_FIELD);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("")]);
    text.push([paragraph]);
    const target = paragraph.get(0) as Y.XmlText;
    const seen = { near: [] as number[], far: [] as number[] };
    let lastSent = 0;
    const lengthSeen = (doc: Y.Doc) => {
      const last = doc.getXmlFragment(CONTENT_FIELD).get(doc.getXmlFragment(CONTENT_FIELD).length - 1);
      return last instanceof Y.XmlElement && last.get(0) instanceof Y.XmlText ? (last.get(0) as Y.XmlText).length : 0;
    };
    const times: number[] = [];
    near.doc.on("update", () => {
      const n = lengthSeen(near.doc);
      while (seen.near.length < n) seen.near.push(performance.now() - (times[seen.near.length] ?? lastSent));
    });
    far.doc.on("update", () => {
      const n = lengthSeen(far.doc);
      while (seen.far.length < n) seen.far.push(performance.now() - (times[seen.far.length] ?? lastSent));
    });
    await new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < edits; i++) {
      lastSent = performance.now();
      times.push(lastSent);
      target.insert(target.length, "x");
      await new Promise((r) => setTimeout(r, 15));
    }
    await new Promise((r) => setTimeout(r, 1000));
    for (const c of [writer, near, far]) c.provider.destroy();
    return { sameInstance: summarise(seen.near.slice(10)), otherInstance: summarise(seen.far.slice(10)) };
  } finally {
    for (const s of servers) await s.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  }
}
