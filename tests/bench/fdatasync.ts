import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import { summarise } from "./stats.ts";

/**
 * fdatasync latency of a small append on the filesystem of `parentDir` (where the
 * bench's data dirs live): what Accord pays before every broadcast and no peer does.
 */
export function fdatasyncLatency(parentDir: string, times = 300): { p50: number; p99: number } {
  const dir = mkdtempSync(path.join(parentDir, "accord-bench-fsync-"));
  const fd = openSync(path.join(dir, "append"), "a");
  const record = Buffer.alloc(64, 1);
  const samples: number[] = [];
  try {
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      writeSync(fd, record);
      fdatasyncSync(fd);
      samples.push(performance.now() - started);
    }
  } finally {
    closeSync(fd);
    rmSync(dir, { recursive: true, force: true });
  }
  const s = summarise(samples);
  return { p50: s.median, p99: s.p99 };
}
