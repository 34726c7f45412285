import { randomBytes } from "node:crypto";
import { statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { TEST_DATABASE_URL, TEST_REDIS_URL, withSearchPath } from "../../helpers/services.ts";
import { type Child, diskBytes, freePort, startPinned } from "../proc.ts";
import { yWebsocketHello } from "./rawHello.ts";
import type { BenchClient, System } from "./System.ts";
import { ywsClient } from "./ywsClient.ts";

export const PASSWORD = "accord-bench";
const EMAIL = "andrea.meier@so.ch";

/** BENCH_CPU_PROF=<dir>: every Accord child writes a V8 CPU profile there when stopped (not on kill -9). */
const profile = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];

/** Environment every Accord instance in the benchmark gets; `env` overrides per scenario. */
export const baseEnv = (dataDir: string): Record<string, string> => ({
  PORT: "0",
  HOST: "127.0.0.1",
  DATA_DIR: dataDir,
  ACCORD_DEMO_PASSWORD: PASSWORD,
  // The start-up banner needs "info", which logs every connection: readiness is polled instead.
  LOG_LEVEL: "warn",
  MAX_CONNECTIONS_PER_USER: "100000",
  MAX_CONNECTIONS_PER_ADDRESS: "100000",
  LOGIN_MAX_FAILURES_PER_ADDRESS: "1000",
});

/**
 * Accord's own server, `server/main.ts` in child processes: one instance on SQLite, or
 * (`instances: 2`) two instances sharing a fresh PostgreSQL schema and Redis prefix.
 * Clients are stock y-websocket providers signed in as a demo owner; documents are
 * created over the REST API because Accord serves only documents that exist.
 */
export function accord(instances: 1 | 2): System {
  let children: Child[] = [];
  let urls: string[] = [];
  let ports: number[] = [];
  let cookies: string[] = [];
  let dataDir = "";
  let env: Record<string, string> = {};
  let schema = "";
  const admin = () => new pg.Client({ connectionString: TEST_DATABASE_URL });

  const launch = async () => {
    children = [];
    if (ports.length === 0) for (let i = 0; i < instances; i++) ports.push(await freePort());
    urls = ports.map((p) => `http://127.0.0.1:${p}`);
    for (let i = 0; i < instances; i++) {
      const extra: Record<string, string> =
        instances === 2
          ? {
              DATABASE_URL: withSearchPath(TEST_DATABASE_URL, schema),
              REDIS_URL: TEST_REDIS_URL,
              REDIS_PREFIX: `accord-bench-${schema}:`,
              DATA_DIR: `${dataDir}/i${i}`,
            }
          : {};
      children.push(
        await startPinned(
          [...profile, "--import", "tsx", "server/main.ts"],
          { ...baseEnv(dataDir), ...env, ...extra, PORT: String(ports[i]) },
          new URL(`${urls[i]}/readyz`),
        ),
      );
    }
    cookies = await Promise.all(urls.map((u) => signIn(u)));
  };

  return {
    name: instances === 1 ? "Accord (SQLite)" : "Accord (PG+Redis ×2)",
    persists: true,
    async start(dir, scenarioEnv = {}) {
      dataDir = dir;
      env = scenarioEnv;
      ports = [];
      if (instances === 2) {
        schema = `accord_bench_${randomBytes(5).toString("hex")}`;
        const c = admin();
        await c.connect();
        await c.query(`CREATE SCHEMA ${schema}`);
        await c.end();
      }
      await launch();
    },
    async createDocuments(count) {
      const ids: string[] = [];
      const url = urls[0] ?? "";
      for (let i = 0; i < count; i += 50) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(50, count - i) }, async (_, j) => {
            const res = await fetch(`${url}/api/documents`, {
              method: "POST",
              headers: { "content-type": "application/json", cookie: cookies[0] ?? "", origin: url },
              body: JSON.stringify({ title: `bench ${i + j}`, kind: "concept" }),
            });
            if (res.status !== 201) throw new Error(`create document: ${res.status} ${await res.text()}`);
            return ((await res.json()) as { id: string }).id;
          }),
        );
        ids.push(...batch);
      }
      return ids;
    },
    connect(docName, i): BenchClient {
      const k = i % urls.length;
      return ywsClient(`${(urls[k] ?? "").replace(/^http/, "ws")}/collab`, docName, { cookie: cookies[k] ?? "" });
    },
    rawReceiver(docName, i) {
      const k = i % urls.length;
      return {
        url: `${(urls[k] ?? "").replace(/^http/, "ws")}/collab/${docName}`,
        headers: { cookie: cookies[k] ?? "" },
        hello: yWebsocketHello(),
        readyOn: "frame",
      };
    },
    async kill9AndRestart(between) {
      for (const c of children) await c.kill9();
      between?.();
      await launch();
    },
    async stop() {
      for (const c of children) await c.stop();
      if (instances === 2) {
        const c = admin();
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      }
    },
    async diskBytes() {
      if (instances === 1) return diskBytes(dataDir);
      const c = admin();
      await c.connect();
      const r = await c.query(
        "SELECT coalesce(sum(pg_total_relation_size(format('%I.%I', schemaname, tablename))), 0)::bigint AS b FROM pg_tables WHERE schemaname = $1",
        [schema],
      );
      await c.end();
      return Number(r.rows[0]?.b ?? 0);
    },
    // PostgreSQL has no WAL in the data dir to wait for: its relation sizes are read as they are.
    ...(instances === 1 && {
      diskSettled: async () =>
        (statSync(path.join(dataDir, "accord.sqlite-wal"), { throwIfNoEntry: false })?.size ?? 0) === 0,
    }),
    async payloadBytes(docName) {
      const sql = (t: string, p: string) =>
        `SELECT coalesce(sum(length(data)), 0) AS b FROM ${t} WHERE document_id = ${p}`;
      if (instances === 1) {
        const db = new Database(path.join(dataDir, "accord.sqlite"), { readonly: true });
        try {
          const one = (t: string) => (db.prepare(sql(t, "?")).get(docName) as { b: number }).b;
          return one("updates") + one("snapshots");
        } finally {
          db.close();
        }
      }
      const c = admin();
      await c.connect();
      try {
        const one = async (t: string) =>
          Number((await c.query(sql(`${schema}.${t}`, "$1"), [docName])).rows[0]?.b ?? 0);
        return (await one("updates")) + (await one("snapshots"));
      } finally {
        await c.end();
      }
    },
    pids: () => children.map((c) => c.pid),
  };
}

/** Signs a demo user in over the REST API; returns the session cookie ("name=value"). */
export async function signIn(url: string, email = EMAIL): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (res.status !== 200 || !cookie) throw new Error(`login: ${res.status} ${await res.text()}`);
  return cookie;
}
