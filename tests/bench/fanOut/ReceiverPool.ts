import { type ChildProcess, fork } from "node:child_process";
import type { RawReceiverSpec } from "../systems/System.ts";
import type { ToParent, ToWorker } from "./workerMessages.ts";

type Report = Extract<ToParent, { type: "report" }>;

/** What the receiver processes saw over the measured window, merged. */
export interface PoolReport {
  /** marker → every reader's first receipt time (ms, monotonic). */
  seen: Map<string, number[]>;
  /** CPU of all receiver processes together, ms per second. */
  cpuMsPerS: number;
  /** Worst event-loop lag of any receiver process. */
  lagP99Ms: number;
  lagMaxMs: number;
  closed: number;
}

/**
 * Raw readers spread over `processes` forked children. They inherit this process's CPU
 * affinity (the bench runs under `taskset -c 1`), so they never take the server's core;
 * several processes so that no one event loop saturates before the server does.
 */
export class ReceiverPool {
  private readonly workers: ChildProcess[];

  constructor(processes: number) {
    this.workers = Array.from({ length: processes }, () =>
      fork(new URL("./receiverWorker.ts", import.meta.url), { stdio: ["ignore", "inherit", "inherit", "ipc"] }),
    );
  }

  /** Opens every reader (round-robin over the processes); resolves with how many failed to join. */
  async open(specs: RawReceiverSpec[], timeoutMs = 120_000): Promise<number> {
    const shares = this.workers.map((_, w) => specs.filter((_, i) => i % this.workers.length === w));
    const answers = await this.ask<{ type: "ready"; failed: number }>(
      (w) => ({ type: "open", specs: shares[w] ?? [] }),
      "ready",
      timeoutMs,
    );
    return answers.reduce((s, a) => s + a.failed, 0);
  }

  /** Starts the measured window (markers seen before it are forgotten). */
  start(): void {
    for (const w of this.workers) w.send({ type: "start" } satisfies ToWorker);
  }

  async stop(): Promise<PoolReport> {
    const reports = await this.ask<Report>(() => ({ type: "stop" }), "report", 60_000);
    const seen = new Map<string, number[]>();
    for (const r of reports)
      for (const [m, times] of Object.entries(r.seen)) {
        const all = seen.get(m);
        if (all) all.push(...times);
        else seen.set(m, times);
      }
    return {
      seen,
      cpuMsPerS: reports.reduce((s, r) => s + r.cpuMsPerS, 0),
      lagP99Ms: Math.max(...reports.map((r) => r.lagP99Ms)),
      lagMaxMs: Math.max(...reports.map((r) => r.lagMaxMs)),
      closed: reports.reduce((s, r) => s + r.closed, 0),
    };
  }

  close(): void {
    for (const w of this.workers) {
      if (w.connected) w.send({ type: "close" } satisfies ToWorker);
      setTimeout(() => w.kill("SIGKILL"), 2000).unref();
    }
  }

  private ask<T extends ToParent>(message: (w: number) => ToWorker, answer: T["type"], ms: number): Promise<T[]> {
    return Promise.all(
      this.workers.map(
        (worker, w) =>
          new Promise<T>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`receiver process: no ${answer} after ${ms} ms`)), ms);
            const onMessage = (m: ToParent) => {
              if (m.type !== answer) return;
              clearTimeout(timer);
              worker.off("message", onMessage);
              resolve(m as T);
            };
            worker.on("message", onMessage);
            worker.send(message(w));
          }),
      ),
    );
  }
}
