import { monitorEventLoopDelay } from "node:perf_hooks";
import WebSocket from "ws";
import type { RawReceiverSpec } from "../systems/System.ts";
import { markersIn, monotonicMs } from "./markers.ts";
import type { ToParent, ToWorker } from "./workerMessages.ts";

/**
 * One receiver process (forked by ReceiverPool): holds its share of the raw readers,
 * notes when each first sees each probe marker, and measures its own CPU and event-loop
 * lag over the measured window so the table can show the client side kept up.
 */
const send = (m: ToParent) => process.send?.(m);
const sockets: WebSocket[] = [];
/** marker → receipt times (ms, monotonic), one per reader that got it. */
const seen = new Map<string, number[]>();
let closed = 0;
let window: { cpu: NodeJS.CpuUsage; at: number; lag: ReturnType<typeof monitorEventLoopDelay> } | null = null;

function open(spec: RawReceiverSpec): Promise<boolean> {
  return new Promise((resolve) => {
    const ws = new WebSocket(spec.url, { headers: spec.headers, perMessageDeflate: false });
    sockets.push(ws);
    const mine = new Set<string>();
    let joined = false;
    const join = (ok: boolean) => {
      if (joined) return;
      joined = true;
      resolve(ok);
    };
    ws.on("open", () => {
      for (const frame of spec.hello) ws.send(Uint8Array.from(frame));
      if (spec.readyOn === "open") join(true);
    });
    ws.on("message", (data: Buffer) => {
      const now = monotonicMs();
      join(true);
      for (const m of markersIn(data)) {
        if (mine.has(m)) continue;
        mine.add(m);
        const times = seen.get(m);
        if (times) times.push(now);
        else seen.set(m, [now]);
      }
    });
    ws.on("error", () => join(false));
    ws.on("close", () => {
      closed++;
      join(false);
    });
  });
}

process.on("message", async (m: ToWorker) => {
  if (m.type === "open") {
    let failed = 0;
    // A few at a time: a thousand simultaneous upgrades would measure the server's accept queue.
    for (let i = 0; i < m.specs.length; i += 25) {
      const oks = await Promise.all(m.specs.slice(i, i + 25).map(open));
      failed += oks.filter((ok) => !ok).length;
    }
    send({ type: "ready", failed });
  } else if (m.type === "start") {
    seen.clear();
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    window = { cpu: process.cpuUsage(), at: performance.now(), lag };
  } else if (m.type === "stop") {
    const w = window;
    const seconds = w ? (performance.now() - w.at) / 1000 : 1;
    const cpu = w ? process.cpuUsage(w.cpu) : { user: 0, system: 0 };
    w?.lag.disable();
    send({
      type: "report",
      seen: Object.fromEntries(seen),
      cpuMsPerS: (cpu.user + cpu.system) / 1000 / seconds,
      lagP99Ms: w ? w.lag.percentile(99) / 1e6 : 0,
      lagMaxMs: w ? w.lag.max / 1e6 : 0,
      closed,
    });
  } else if (m.type === "close") {
    for (const ws of sockets) ws.terminate();
    process.exit(0);
  }
});
