import { describe, expect, it } from "vitest";
import { type ChildServer, startChildServer } from "../helpers/childServer.ts";
import { sleep, stateVectorOf } from "../helpers/processStats.ts";
import { login, tempDataDir } from "../helpers/server.ts";
import { startTcpProxy } from "../helpers/tcpProxy.ts";
import { appendParagraph, connectClient, eventually, textOf, type YClient } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";
const KILLS = Number(process.env.RELIABILITY_KILLS ?? 20);
const WRITERS = 20;
// 20 writers + observer + readers share two accounts and one address.
const LIMITS = { MAX_CONNECTIONS_PER_USER: "200", MAX_CONNECTIONS_PER_ADDRESS: "400" };

const marks = (text: string) => new Set(text.match(/w\d+-\d+/g) ?? []);

describe("kill -9 at random moments while 20 clients edit", () => {
  it(`loses nothing a peer has seen across ${KILLS} crashes, and every replica converges`, async () => {
    const dataDir = tempDataDir();
    let server: ChildServer = await startChildServer(dataDir, LIMITS);
    const port = new URL(server.url).port;
    const cookies = [await login(server.url, "andrea.meier@so.ch"), await login(server.url, "lukas.frei@so.ch")];
    // Clients reach the server through a proxy the test cuts while it checks the store, so the
    // writers (which keep every edit locally) cannot re-send a lost edit before the check.
    const proxy = await startTcpProxy(Number(port));
    const viaProxy = `http://127.0.0.1:${proxy.port}`;
    const writers: YClient[] = [];
    for (let i = 0; i < WRITERS; i++) writers.push(connectClient(viaProxy, DOC, cookies[i % 2] as string));
    const observer = connectClient(viaProxy, DOC, cookies[1] as string);
    await Promise.all([...writers.map((w) => w.synced), observer.synced]);

    let typing = true;
    const counters = writers.map(() => 0);
    const typists = writers.map(async (w, i) => {
      while (typing) {
        appendParagraph(w.doc, `w${i}-${counters[i]}`);
        counters[i] = (counters[i] ?? 0) + 1;
        // ~25 edits a second in all: a busy document, not a benchmark.
        await sleep(400 + Math.random() * 600);
      }
    });

    const started = performance.now();
    for (let k = 0; k < KILLS; k++) {
      await sleep(150 + Math.random() * 600);
      const seen = marks(textOf(observer.doc));
      await server.kill9();
      await proxy.cut();
      server = await startChildServer(dataDir, { ...LIMITS, PORT: port });
      // A fresh reader straight to the server: what is stored, before any writer can re-send.
      const reader = connectClient(server.url, DOC, cookies[0] as string, { reconnect: false });
      await reader.synced;
      const stored = marks(textOf(reader.doc));
      const lost = [...seen].filter((m) => !stored.has(m));
      expect(lost, `kill ${k}: edits the observer had seen are gone`).toEqual([]);
      reader.destroy();
      await proxy.restore();
      await eventually(
        () => observer.provider.wsconnected && observer.provider.synced,
        `observer back after kill ${k}`,
        20_000,
      );
    }
    typing = false;
    await Promise.all(typists);

    // Heal: every writer back and synced, then all replicas and a fresh reader agree.
    await eventually(() => writers.every((w) => w.provider.wsconnected && w.provider.synced), "writers back", 20_000);
    const reader = connectClient(server.url, DOC, cookies[0] as string);
    await reader.synced;
    const all = [...writers, observer];
    await eventually(
      () => all.every((c) => textOf(c.doc) === textOf(reader.doc)) && stateVectorOf(reader.doc).length > 0,
      "replicas to converge",
      20_000,
    );
    // The reader may have synced before the last writer's resend; wait for it too.
    await eventually(
      () => all.every((c) => JSON.stringify(stateVectorOf(c.doc)) === JSON.stringify(stateVectorOf(reader.doc))),
      "equal state vectors",
      20_000,
    );
    for (const c of all) expect(textOf(c.doc)).toBe(textOf(reader.doc));
    const typed = counters.reduce((a, b) => a + b, 0);
    const final = marks(textOf(reader.doc));
    expect(final.size).toBe(typed);
    console.log(
      `killRestart: ${KILLS} kills in ${((performance.now() - started) / 1000).toFixed(1)} s, ${typed} paragraphs typed, all present`,
    );
  });
});
