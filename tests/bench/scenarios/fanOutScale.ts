import { marker, monotonicMs } from "../fanOut/markers.ts";
import { ReceiverPool } from "../fanOut/ReceiverPool.ts";
import { summarise } from "../stats.ts";
import type { BenchClient, System } from "../systems/System.ts";
import { benchText, type Keystroke, lastParagraphText } from "../traces.ts";
import { allSynced, meter, sleep, until } from "./common.ts";

export interface FanOutScaleOptions {
  writersPerDoc: number;
  receiversPerDoc: number;
  /** Inserts per second of each writer (jittered ±50 %). */
  charsPerSecond: number;
  seconds: number;
  keys: Keystroke[];
}

export interface FanOutScaleResult {
  docs: number;
  receivers: number;
  probes: number;
  /** Probe × reader pairs that arrived, and those that did not (a reader that failed to join misses all). */
  delivered: number;
  undelivered: number;
  /** Send → a reader has it, over every delivery. */
  p50: number;
  p99: number;
  max: number;
  serverCpuMsPerS: number;
  serverCpuUsPerDelivered: number;
  /** The writers' process (this one) and the receiver processes: if either lags, latencies are the client's. */
  writerCpuMsPerS: number;
  writerLagP99Ms: number;
  receiverProcesses: number;
  receiverCpuMsPerS: number;
  receiverLagP99Ms: number;
  receiverLagMaxMs: number;
  clientLagP99Ms: number;
  readersFailed: number;
  readersClosed: number;
}

/** Probe numbers run on across runs: peers hand out the same document names again, with last run's markers in them. */
let nextProbe = 0;

/** Receiver processes for `readers` raw readers: about 60 each, at most 8 (4 × 2 cores' worth of headroom). */
const processesFor = (readers: number) => Math.min(8, Math.max(1, Math.ceil(readers / 60)));

/**
 * Fan-out at scale: on each document a few full Yjs writers insert probe markers (at
 * positions of the friendsforever trace, caret in awareness once a second) and raw
 * WebSocket readers in child processes time each marker's arrival. Latency is per
 * delivery: from the writer's insert until one reader has the frame.
 */
export async function fanOutScale(
  system: System,
  docNames: string[],
  options: FanOutScaleOptions,
): Promise<FanOutScaleResult> {
  const { writersPerDoc, receiversPerDoc, charsPerSecond, seconds, keys } = options;
  const readers = docNames.length * receiversPerDoc;
  const pool = new ReceiverPool(processesFor(readers));
  const writers: { doc: string; client: BenchClient }[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    docNames.forEach((doc, d) => {
      for (let w = 0; w < writersPerDoc; w++) writers.push({ doc, client: system.connect(doc, d * writersPerDoc + w) });
    });
    await allSynced(writers.map((w) => w.client));
    // One writer per document makes the paragraph, so that all of them type into the same one.
    for (let i = 0; i < writers.length; i += writersPerDoc) benchText((writers[i] as (typeof writers)[0]).client.doc);
    const shared = await until(() => writers.every((w) => lastParagraphText(w.client.doc) !== null), 30_000);
    if (!shared) throw new Error("writers did not see each other's paragraph");
    const specs = docNames.flatMap((doc, d) =>
      Array.from({ length: receiversPerDoc }, (_, r) => system.rawReceiver(doc, d * receiversPerDoc + r)),
    );
    const readersFailed = await pool.open(specs);

    const sent = new Map<string, number>();
    const stopMeter = meter(system);
    pool.start();
    const end = performance.now() + seconds * 1000;
    writers.forEach(({ client }, i) => {
      let k = Math.floor((i * keys.length) / writers.length);
      const text = benchText(client.doc);
      const type = () => {
        if (performance.now() >= end) return;
        const key = keys[k++ % keys.length] ?? { at: 1, insert: true };
        const m = marker(nextProbe++);
        text.insert(Math.min(text.length, Math.floor(key.at * text.length)), m);
        sent.set(m, monotonicMs());
        timers.push(setTimeout(type, (500 + Math.random() * 1000) / charsPerSecond));
      };
      timers.push(setTimeout(type, Math.random() * (1000 / charsPerSecond)));
      const caret = setInterval(() => client.awareness.setLocalStateField("cursor", { at: k }), 1000);
      timers.push(caret);
    });
    await sleep(seconds * 1000);
    for (const t of timers) clearTimeout(t);
    await sleep(2000); // stragglers: a delivery later than this counts as undelivered
    const usage = stopMeter();
    const report = await pool.stop();

    const latencies: number[] = [];
    for (const [m, at] of sent) for (const t of report.seen.get(m) ?? []) latencies.push(t - at);
    const s = summarise(latencies);
    const serverMs = usage.serverCpuMsPerS * (seconds + 2);
    return {
      docs: docNames.length,
      receivers: readers,
      probes: sent.size,
      delivered: latencies.length,
      undelivered: Math.max(0, sent.size * receiversPerDoc - latencies.length),
      p50: s.median,
      p99: s.p99,
      max: s.max,
      serverCpuMsPerS: usage.serverCpuMsPerS,
      serverCpuUsPerDelivered: latencies.length > 0 ? (serverMs * 1000) / latencies.length : Number.NaN,
      writerCpuMsPerS: usage.clientCpuMsPerS,
      writerLagP99Ms: usage.clientLagP99Ms,
      receiverProcesses: processesFor(readers),
      receiverCpuMsPerS: report.cpuMsPerS,
      receiverLagP99Ms: report.lagP99Ms,
      receiverLagMaxMs: report.lagMaxMs,
      clientLagP99Ms: Math.max(usage.clientLagP99Ms, report.lagP99Ms),
      readersFailed,
      readersClosed: report.closed,
    };
  } finally {
    for (const t of timers) clearTimeout(t);
    pool.close();
    for (const w of writers) w.client.destroy();
  }
}
