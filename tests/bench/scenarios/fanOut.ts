import { summarise } from "../stats.ts";
import type { System } from "../systems/System.ts";
import { benchText, type Keystroke, lastParagraphText } from "../traces.ts";
import { LatencyTracker } from "../tracker.ts";
import { allSynced, meter, sleep, until } from "./common.ts";

export interface FanOutResult {
  n: number;
  edits: number;
  incomplete: number;
  p50: number;
  p99: number;
  max: number;
  serverCpuMsPerS: number;
  clientCpuMsPerS: number;
  clientLagP99Ms: number;
  clientLagMaxMs: number;
}

/**
 * N editors on one document type ~5 chars/s each (jittered 100–300 ms apart) at positions
 * of the friendsforever trace scaled to the current length, and move their caret in
 * awareness once a second. Latency: from an insert until every other client has it.
 */
export async function fanOut(
  system: System,
  docName: string,
  n: number,
  seconds: number,
  keys: Keystroke[],
): Promise<FanOutResult> {
  const clients = Array.from({ length: n }, (_, i) => system.connect(docName, i));
  try {
    await allSynced(clients);
    const first = clients[0];
    if (!first) throw new Error("no clients");
    benchText(first.doc).insert(0, "Gemeinsam geschrieben: ".repeat(8));
    const ready = await until(() => clients.every((c) => (lastParagraphText(c.doc)?.length ?? 0) >= 100), 20_000);
    if (!ready) throw new Error("seed text did not reach every client");
    const tracker = new LatencyTracker(n - 1);
    for (const c of clients) tracker.watch(c.doc);
    const stop = meter(system);
    const end = performance.now() + seconds * 1000;
    const timers: NodeJS.Timeout[] = [];
    clients.forEach((client, i) => {
      let k = Math.floor((i * keys.length) / n);
      const text = benchText(client.doc);
      const type = () => {
        if (performance.now() >= end) return;
        const key = keys[k++ % keys.length] ?? { at: 1, insert: true };
        const pos = Math.min(text.length, Math.floor(key.at * text.length));
        if (key.insert || text.length < 50) {
          text.insert(pos, String.fromCharCode(97 + (k % 26)));
          tracker.noteSent(client.doc);
        } else {
          text.delete(Math.min(pos, text.length - 1), 1);
        }
        timers.push(setTimeout(type, 100 + Math.random() * 200));
      };
      timers.push(setTimeout(type, Math.random() * 200));
      const caret = setInterval(() => client.awareness.setLocalStateField("cursor", { at: k }), 1000);
      timers.push(caret);
      setTimeout(() => clearInterval(caret), seconds * 1000);
    });
    await sleep(seconds * 1000);
    const usage = stop();
    await until(() => tracker.incomplete() === 0, 3000);
    for (const t of timers) clearTimeout(t);
    const s = summarise(tracker.latencies);
    return {
      n,
      edits: tracker.sentCount,
      incomplete: tracker.incomplete(),
      p50: s.median,
      p99: s.p99,
      max: s.max,
      ...usage,
    };
  } finally {
    for (const c of clients) c.destroy();
  }
}
