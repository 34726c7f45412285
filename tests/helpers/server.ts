import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseConfig } from "../../server/config.ts";
import { createLogger } from "../../server/log.ts";
import { type AccordServer, startServer } from "../../server/startServer.ts";
import { type Fetcher, fetcherOf } from "./api.ts";
import { cleanup } from "./cleanup.ts";

export const DEMO_PASSWORD = "accord-demo-test";

/** A fresh data directory, removed after the test file. */
export function tempDataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "accord-test-"));
  cleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Environment for a test server on a free port with demo data. */
export function testEnv(dataDir: string, env: Record<string, string> = {}): Record<string, string> {
  return {
    PORT: "0",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    ACCORD_DEMO_PASSWORD: DEMO_PASSWORD,
    LOG_LEVEL: "silent",
    ...env,
  };
}

/** Starts a real server in this process on port 0 with a temporary SQLite file; closed after the file. */
export async function startTestServer(
  env: Record<string, string> = {},
  dataDir = tempDataDir(),
): Promise<AccordServer> {
  const config = parseConfig(testEnv(dataDir, env));
  const server = await startServer(config, createLogger(config.logLevel));
  cleanup(() => server.close());
  return server;
}

/** Signs in through the API (a server's address, or an in-process app) and returns the session cookie (`name=value`). */
export async function login(target: string | Fetcher, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await fetcherOf(target)("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("no session cookie");
  return cookie;
}

/**
 * The link of a new invitation into Kanton Solothurn, made by the instance administrator (its
 * hash route); its mail (in the outbox) is in `language`.
 */
export async function invitationLink(server: string, language = "de", email = "nora.neu@so.ch"): Promise<string> {
  const res = await fetch(`${server}/api/invitations`, {
    method: "POST",
    headers: { cookie: await login(server, "sandra.keller@sem.admin.ch"), "content-type": "application/json" },
    body: JSON.stringify({ email, orgId: "kanton-so", name: "Nora Neu", language }),
  });
  const { url } = (await res.json()) as { url: string | null };
  if (res.status !== 201 || !url) throw new Error(`no invitation link: ${res.status}`);
  return new URL(url).hash;
}
