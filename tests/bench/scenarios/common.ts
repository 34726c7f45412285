import { monitorEventLoopDelay } from "node:perf_hooks";
import { rssKb, sleep } from "../../helpers/processStats.ts";
import { cpuMs } from "../proc.ts";
import type { BenchClient, System } from "../systems/System.ts";

export { sleep };

/** Waits for every client's first sync; fails after `ms`. */
export async function allSynced(clients: BenchClient[], ms = 60_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`clients not synced after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([Promise.all(clients.map((c) => c.synced)), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Waits until `predicate` holds (polling every 20 ms) or `ms` passed; returns whether it held. */
export async function until(predicate: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!predicate()) {
    if (Date.now() > end) return false;
    await sleep(20);
  }
  return true;
}

/** Server RSS summed over the system's processes. */
export const serverRss = (system: System) => system.pids().reduce((sum, pid) => sum + rssKb(pid) * 1024, 0);

/** Server CPU and this (client) process's CPU and event-loop lag over a window. */
export function meter(system: System) {
  const pids = system.pids();
  const serverStart = pids.reduce((s, p) => s + cpuMs(p), 0);
  const clientStart = process.cpuUsage();
  const started = performance.now();
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  return () => {
    const seconds = (performance.now() - started) / 1000;
    lag.disable();
    const client = process.cpuUsage(clientStart);
    return {
      serverCpuMsPerS: (pids.reduce((s, p) => s + cpuMs(p), 0) - serverStart) / seconds,
      clientCpuMsPerS: (client.user + client.system) / 1000 / seconds,
      clientLagP99Ms: lag.percentile(99) / 1e6,
      clientLagMaxMs: lag.max / 1e6,
    };
  };
}
