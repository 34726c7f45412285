import { summarise } from "../stats.ts";
import type { BenchClient, System } from "../systems/System.ts";
import { benchText } from "../traces.ts";
import { LatencyTracker } from "../tracker.ts";
import { allSynced, meter, sleep, until } from "./common.ts";

export interface ThroughputRow {
  offered: number;
  delivered: number;
  p50: number;
  p99: number;
  max: number;
  incomplete: number;
  serverCpuMsPerS: number;
  clientLagP99Ms: number;
}

/**
 * Offered load through the real protocol: one writer and one reader per document; writers
 * send one-character updates at `offered`/s in total, every 10 ms. Latency is send → the
 * reader has it (Accord relays only after the commit, so this includes persistence).
 */
export async function throughput(
  system: System,
  docNames: string[],
  offered: number,
  seconds: number,
): Promise<ThroughputRow> {
  const pairs: { writer: BenchClient; reader: BenchClient }[] = docNames.map((name, i) => ({
    writer: system.connect(name, 2 * i),
    reader: system.connect(name, 2 * i + 1),
  }));
  const all = pairs.flatMap((p) => [p.writer, p.reader]);
  try {
    await allSynced(all);
    const tracker = new LatencyTracker(1);
    for (const p of pairs) tracker.watch(p.reader.doc);
    const texts = pairs.map((p) => benchText(p.writer.doc));
    await sleep(500);
    const stop = meter(system);
    const started = performance.now();
    let sent = 0;
    while (performance.now() - started < seconds * 1000) {
      const due = Math.floor(((performance.now() - started) / 1000) * offered);
      for (; sent < due; sent++) {
        const k = sent % pairs.length;
        const text = texts[k];
        const pair = pairs[k];
        if (!text || !pair) continue;
        text.insert(text.length, "x");
        tracker.noteSent(pair.writer.doc);
      }
      await sleep(10);
    }
    const elapsedSend = (performance.now() - started) / 1000;
    await until(() => tracker.incomplete() === 0, 5000);
    const usage = stop();
    const s = summarise(tracker.latencies);
    return {
      offered,
      delivered: tracker.latencies.length / Math.max(elapsedSend, (performance.now() - started) / 1000),
      p50: s.median,
      p99: s.p99,
      max: s.max,
      incomplete: tracker.incomplete(),
      serverCpuMsPerS: usage.serverCpuMsPerS,
      clientLagP99Ms: usage.clientLagP99Ms,
    };
  } finally {
    for (const c of all) c.destroy();
  }
}
