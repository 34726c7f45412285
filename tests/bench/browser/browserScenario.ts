import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type Page } from "playwright-core";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../../shared/schema/extensions.ts";
import { type Child, cpuMs, freePort, startPinned } from "../proc.ts";
import { summarise } from "../stats.ts";
import { baseEnv, PASSWORD, signIn } from "../systems/accord.ts";
import type { BenchClient } from "../systems/System.ts";
import { ywsClient } from "../systems/ywsClient.ts";
import { type BigDocument, buildBigDocument } from "./bigDocument.ts";
import { buildPeerPage, ensureAccordClient } from "./builds.ts";
import { browserAffinity, type PageUnderTest, runPageSession, type SessionResult, within } from "./pageSession.ts";
import { paragraphAt, plainParagraphs, startRemoteTypist, type TypistIdentity } from "./remoteTypists.ts";
import { BIG_DOCUMENT_ID, seedAccordDataDir } from "./seed.ts";
import { serveStatic } from "./staticServer.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ANDREA = "andrea.meier@so.ch";
/** The remote typists: the document's other members (editors of the big document, see seed.ts). */
const REMOTE: (TypistIdentity & { email: string })[] = [
  { id: "u-lukas", name: "Lukas Frei", orgName: "Kanton SO", color: "#1971c2", email: "lukas.frei@so.ch" },
  { id: "u-claire", name: "Claire Dubois", orgName: "SEM", color: "#c2255c", email: "claire.dubois@sem.admin.ch" },
  { id: "u-marco", name: "Marco Rossi", orgName: "SEM", color: "#2f9e44", email: "marco.rossi@sem.admin.ch" },
  { id: "u-admin", name: "Sandra Keller", orgName: "SEM", color: "#e8590c", email: "sandra.keller@sem.admin.ch" },
];
/** Where in the document (fraction of its plain paragraphs) the local and the remote typists write. */
const LOCAL_AT = 0.5;
const REMOTE_AT = [0.2, 0.35, 0.65, 0.8];
/** About 5 characters per second per remote typist. */
const REMOTE_INTERVAL_MS = 200;

export interface BrowserBenchOptions {
  quick: boolean;
  runs: number;
  /** Which of "accord" and "peer" to run. */
  systems: readonly string[];
  /** BENCH_BROWSER_PROFILE: a directory for V8 CPU profiles of each typing phase. */
  profileDir?: string | undefined;
}

type Outcome = SessionResult | { error: string };

/**
 * The browser scenario of issue 18: the big document (bigDocument.ts) in real Chromium, one
 * local typist (real key events, `keystrokes` at 100 ms) and four remote typists through the
 * server; Accord in editing and in suggesting mode, and Tiptap's collaboration demo setup
 * (peer/) on @y/websocket-server with the same content. Servers on core 0; Chromium and the
 * typists inherit this process's core 1.
 */
export async function browserBench(options: BrowserBenchOptions): Promise<Record<string, unknown>> {
  const copies = options.quick ? 5 : 20;
  const keystrokes = options.quick ? 60 : 250;
  const intervalMs = 100;
  const scale = copies / 20;
  const built = performance.now();
  const big = buildBigDocument({ copies, threads: Math.round(200 * scale), suggestions: Math.round(300 * scale) });
  const buildMs = performance.now() - built;
  const spots = spotsOf(big);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-sync"],
  });
  const profile = (name: string, run: number) => {
    if (!options.profileDir) return undefined;
    mkdirSync(options.profileDir, { recursive: true });
    return path.join(options.profileDir, `${name}-${run}.cpuprofile`);
  };
  const out: Record<string, unknown> = {
    document: {
      copies,
      blocks: big.blocks,
      characters: big.characters,
      threads: big.threads,
      suggestions: big.suggestions,
      updateBytes: big.update.byteLength,
      buildMs: Math.round(buildMs),
    },
    keystrokes,
    intervalMs,
    remoteTypists: REMOTE.length,
    remoteIntervalMs: REMOTE_INTERVAL_MS,
  };
  try {
    out.affinity = await browserAffinity(browser);
    const plan = { block: spots.local, keystrokes, intervalMs };
    if (options.systems.includes("accord")) {
      const accord = await attempt(() =>
        withAccord(big, async (url, clients) => {
          const sessions: Record<"editing" | "suggesting", Outcome[]> = { editing: [], suggesting: [] };
          for (let run = 0; run < options.runs; run++) {
            for (const mode of ["editing", "suggesting"] as const) {
              sessions[mode].push(
                await attempt(() =>
                  runPageSession(browser, accordPage(url, big.blocks, mode), {
                    ...plan,
                    during: typing(clients, spots.remote),
                    profileFile: profile(`accord-${mode}`, run),
                  }),
                ),
              );
            }
          }
          return sessions;
        }),
      );
      if ("error" in accord) {
        out.accordEditing = accord;
        out.accordSuggesting = accord;
      } else {
        out.accordEditingRuns = accord.result.editing;
        out.accordSuggestingRuns = accord.result.suggesting;
        out.accordEditing = medianOf(accord.result.editing);
        out.accordSuggesting = medianOf(accord.result.suggesting);
        out.accordServerCpuMs = accord.serverCpuMs;
        out.accordRefusals = { count: accord.refusals.length, first: accord.refusals.slice(0, 5) };
        if (accord.refusals.length) console.error(`browser: Accord refused ${accord.refusals.length} update(s)`);
      }
    }
    if (options.systems.includes("peer")) {
      const peer = await attempt(() =>
        withPeer(big, async (pageUrl, wsUrl, clients) => {
          const runs: Outcome[] = [];
          for (let run = 0; run < options.runs; run++) {
            runs.push(
              await attempt(() =>
                runPageSession(browser, peerPage(pageUrl, wsUrl, big.blocks), {
                  ...plan,
                  during: typing(clients, spots.remote),
                  profileFile: profile("peer", run),
                }),
              ),
            );
          }
          return runs;
        }),
      );
      if ("error" in peer) out.peer = peer;
      else {
        out.peerRuns = peer.result;
        out.peer = medianOf(peer.result);
        out.peerServerCpuMs = peer.serverCpuMs;
      }
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** The local typist's block and the remote typists' blocks, all different plain paragraphs. */
function spotsOf(big: BigDocument): { local: number; remote: number[] } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, big.update);
  const spots = plainParagraphs(doc);
  doc.destroy();
  const local = paragraphAt(spots, LOCAL_AT);
  const remote: number[] = [];
  for (const at of REMOTE_AT) remote.push(paragraphAt(spots, at, [local, ...remote]));
  return { local, remote };
}

/** Starts the remote typists (one per client, each at its own paragraph); returns how to stop them. */
const typing = (clients: BenchClient[], blocks: number[]) => () => {
  const typists = clients.map((client, i) =>
    startRemoteTypist(
      client,
      blocks[i] ?? 0,
      REMOTE[i] as TypistIdentity,
      REMOTE_INTERVAL_MS,
      (i * REMOTE_INTERVAL_MS) / 4,
    ),
  );
  return () => {
    for (const t of typists) t.stop();
  };
};

async function attempt<T>(body: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await body();
  } catch (error) {
    console.error(`browser: ${String(error)}`);
    return { error: String(error).slice(0, 300) };
  }
}

/** A session whose figures are the medians of the runs' figures (errors left out; all failed: the first error). */
function medianOf(runs: Outcome[]): Outcome {
  const good = runs.filter((r): r is SessionResult => !("error" in r));
  const first = good[0];
  if (!first) return runs[0] ?? { error: "no run" };
  const m = (pick: (s: SessionResult) => number) => summarise(good.map(pick)).median;
  return {
    openMs: m((s) => s.openMs),
    keystroke: {
      n: m((s) => s.keystroke.n),
      median: m((s) => s.keystroke.median),
      p50: m((s) => s.keystroke.p50),
      p99: m((s) => s.keystroke.p99),
      max: m((s) => s.keystroke.max),
    },
    typed: m((s) => s.typed),
    saturated: good.some((s) => s.saturated),
    withoutInput: m((s) => s.withoutInput),
    longTasks: good.every((s) => s.longTasks)
      ? {
          count: m((s) => s.longTasks?.count ?? 0),
          totalMs: m((s) => s.longTasks?.totalMs ?? 0),
          maxMs: m((s) => s.longTasks?.maxMs ?? 0),
        }
      : null,
    slowInteractions: good.every((s) => s.slowInteractions)
      ? { count: m((s) => s.slowInteractions?.count ?? 0), maxMs: m((s) => s.slowInteractions?.maxMs ?? 0) }
      : null,
    memory: {
      jsHeapUsedBytes: m((s) => s.memory.jsHeapUsedBytes),
      jsHeapTotalBytes: m((s) => s.memory.jsHeapTotalBytes),
      domNodes: m((s) => s.memory.domNodes),
      rendererPssBytes: m((s) => s.memory.rendererPssBytes),
      rendererRssBytes: m((s) => s.memory.rendererRssBytes),
    },
    rendererCpuMsPerS: m((s) => s.rendererCpuMsPerS),
    affinity: first.affinity,
    landed: good.every((s) => s.landed),
  };
}

/** `count` clients, once all have synced. */
async function syncedClients(connect: (i: number) => BenchClient, count: number): Promise<BenchClient[]> {
  const clients = Array.from({ length: count }, (_, i) => connect(i));
  await Promise.all(clients.map((c) => within(c.synced, 60_000, "remote typist sync")));
  return clients;
}

async function waitFor(check: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const blocksOf = (client: BenchClient) => client.doc.getXmlFragment(CONTENT_FIELD).length;

/** Accord on a fresh data dir holding the big document, with the remote typists signed in and synced. */
async function withAccord<T>(
  big: BigDocument,
  body: (url: string, clients: BenchClient[]) => Promise<T>,
): Promise<{ result: T; serverCpuMs: number; refusals: string[] }> {
  await ensureAccordClient();
  const dir = mkdtempSync(path.join(tmpdir(), "accord-bench-browser-"));
  let child: Child | undefined;
  let clients: BenchClient[] = [];
  try {
    await seedAccordDataDir(dir, PASSWORD, big);
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    child = await startPinned(
      ["--import", "tsx", "server/main.ts"],
      { ...baseEnv(dir), PORT: String(port) },
      new URL(`${url}/readyz`),
    );
    const cookies = await Promise.all(REMOTE.map((u) => signIn(url, u.email)));
    clients = await syncedClients(
      (i) => ywsClient(`ws://127.0.0.1:${port}/collab`, BIG_DOCUMENT_ID, { cookie: cookies[i] ?? "" }),
      REMOTE.length,
    );
    for (const c of clients) await waitFor(() => blocksOf(c) === big.blocks, 30_000, "remote typist content");
    const cpu = cpuMs(child.pid);
    const result = await body(url, clients);
    // The seeded document must open and be edited without the policy refusing anything.
    const refusals = child
      .output()
      .split("\n")
      .filter((line) => /refused/.test(line));
    return { result, serverCpuMs: cpuMs(child.pid) - cpu, refusals };
  } finally {
    for (const c of clients) c.destroy();
    await child?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Accord's page: signs Andrea Meier (owner) in through the form, opens the big document. */
function accordPage(url: string, blocks: number, mode: "editing" | "suggesting"): PageUnderTest {
  return {
    async prepare(page: Page) {
      await page.goto(`${url}/#/login`);
      await page.getByTestId("login-email").fill(ANDREA);
      await page.getByTestId("login-password").fill(PASSWORD);
      await page.getByTestId("login-submit").click();
      await page.getByTestId("document-list").waitFor();
    },
    url: `${url}/#/documents/${BIG_DOCUMENT_ID}`,
    ready: { page: "accord", blocks },
    editor: '[data-testid="editor"]',
    async beforeTyping(page: Page) {
      if (mode !== "suggesting") return;
      const toggle = page.getByTestId("suggest-toggle");
      await toggle.click();
      await page.locator('[data-testid="suggest-toggle"][aria-pressed="true"]').waitFor();
    },
    landed: (page, marker) =>
      mode === "suggesting"
        ? page
            .locator('[data-testid="editor"] ins[data-author="u-andrea"]', { hasText: marker })
            .count()
            .then((n) => n > 0)
        : page.getByTestId("editor").evaluate((el, m) => (el.textContent ?? "").includes(m), marker),
  };
}

/**
 * @y/websocket-server (in memory: the room lives while the typists are connected) holding
 * the big document's plain content, and the peer page built and served.
 */
async function withPeer<T>(
  big: BigDocument,
  body: (pageUrl: string, wsUrl: string, clients: BenchClient[]) => Promise<T>,
): Promise<{ result: T; serverCpuMs: number }> {
  const pageDir = await buildPeerPage();
  const site = await serveStatic(pageDir);
  const port = await freePort();
  const wsUrl = `ws://127.0.0.1:${port}`;
  let child: Child | undefined;
  let clients: BenchClient[] = [];
  try {
    child = await startPinned(
      ["node_modules/@y/websocket-server/src/server.js"],
      { PORT: String(port), HOST: "127.0.0.1" },
      /running at/,
    );
    clients = await syncedClients(() => ywsClient(wsUrl, BIG_DOCUMENT_ID), REMOTE.length);
    // The first typist brings the content, as the document's first editor would.
    Y.applyUpdate(clients[0]?.doc ?? new Y.Doc(), big.plainUpdate);
    for (const c of clients) await waitFor(() => blocksOf(c) === big.blocks, 30_000, "peer content");
    const cpu = cpuMs(child.pid);
    const result = await body(site.url, wsUrl, clients);
    return { result, serverCpuMs: cpuMs(child.pid) - cpu };
  } finally {
    for (const c of clients) c.destroy();
    await child?.stop();
    await site.stop();
    rmSync(pageDir, { recursive: true, force: true });
  }
}

/** The peer page: loaded once without a room (so its scripts are cached, as Accord's are after sign-in). */
function peerPage(pageUrl: string, wsUrl: string, blocks: number): PageUnderTest {
  return {
    async prepare(page: Page) {
      await page.goto(`${pageUrl}/`);
    },
    url: `${pageUrl}/?ws=${encodeURIComponent(wsUrl)}&room=${BIG_DOCUMENT_ID}`,
    ready: { page: "peer", blocks },
    editor: "#editor .ProseMirror",
    landed: (page, marker) =>
      page.locator("#editor .ProseMirror").evaluate((el, m) => (el.textContent ?? "").includes(m), marker),
  };
}
