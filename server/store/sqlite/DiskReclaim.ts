import type BetterSqlite3 from "better-sqlite3";

/** Free pages released per step: each step is one small write transaction (measured ≈ 1–3 ms here). */
export const VACUUM_STEP_PAGES = 128;

export interface DiskReclaimOptions {
  /** How long the file must see no write before space is reclaimed (default 1 s). */
  idleMs?: number;
  /** Free pages released per step (default VACUUM_STEP_PAGES). */
  stepPages?: number;
  /** Told the duration of every step, in ms (measurements; tests). */
  onStep?: (ms: number) => void;
}

/** What the last completed reclaim did, for tests and measurements. */
export interface ReclaimStats {
  pagesReleased: number;
  steps: number;
  /** The longest single step (one vacuum step or the checkpoint), in ms: the longest the event loop was held. */
  maxStepMs: number;
}

/**
 * Gives disk back when the database is idle: the free pages that compaction leaves when it
 * deletes log rows are released in small `incremental_vacuum` steps, one per macrotask, and
 * then the WAL is checkpointed into the file and truncated to zero. Without it the WAL keeps
 * its high-water mark and the file its free pages for as long as the server runs.
 *
 * It runs only between transactions (`canRun`), stops as soon as anything was written since it
 * started (the server is busy again: SQLite's own auto-checkpoint and free-page reuse serve
 * then), and never waits for a lock another process holds (busy_timeout 0 while it works),
 * so no step holds the event loop for longer than one bounded piece of work.
 */
export class DiskReclaim {
  private readonly idleMs: number;
  private readonly stepPages: number;
  private readonly onStep: (ms: number) => void;
  private lastActivity = 0;
  /** Something was written since the last complete reclaim. */
  private dirty = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private waiters: (() => void)[] = [];
  /** The stats of the reclaim under way: an older one that sees another here gives up. */
  private current: ReclaimStats | null = null;
  last: ReclaimStats | null = null;

  constructor(
    private readonly db: BetterSqlite3.Database,
    private readonly canRun: () => boolean,
    options: DiskReclaimOptions = {},
  ) {
    this.idleMs = options.idleMs ?? 1000;
    this.stepPages = options.stepPages ?? VACUUM_STEP_PAGES;
    this.onStep = options.onStep ?? (() => {});
  }

  /** A write is about to run (called for every writing statement; cheap: a clock read and, when idle, one timer). */
  touched(): void {
    this.lastActivity = performance.now();
    this.dirty = true;
    if (!this.timer && !this.stopped) this.arm(this.idleMs);
  }

  /** Resolves after the next complete reclaim (tests, and whoever wants the disk figure after it). */
  settled(): Promise<void> {
    if (!this.dirty || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const w of this.waiters.splice(0)) w();
  }

  private arm(ms: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      const quiet = performance.now() - this.lastActivity;
      if (quiet < this.idleMs) this.arm(this.idleMs - quiet);
      else this.run();
    }, ms);
    this.timer.unref();
  }

  private run(): void {
    const started = this.lastActivity;
    const stats: ReclaimStats = { pagesReleased: 0, steps: 0, maxStepMs: 0 };
    this.current = stats;
    const busyTimeout = this.db.pragma("busy_timeout", { simple: true }) as number;
    const step = () => {
      if (this.stopped || this.current !== stats) return;
      // Written meanwhile: busy again. `touched` armed the timer; start over when quiet.
      if (this.lastActivity !== started || !this.canRun()) {
        this.current = null;
        if (!this.timer) this.arm(this.idleMs);
        return;
      }
      const t0 = performance.now();
      let done = false;
      this.db.pragma("busy_timeout = 0");
      try {
        done = this.stepOnce(stats);
      } catch {
        // SQLITE_BUSY from another process on the file: try again after the next quiet spell.
        this.current = null;
        if (!this.timer) this.arm(this.idleMs);
        return;
      } finally {
        this.db.pragma(`busy_timeout = ${busyTimeout}`);
        const ms = performance.now() - t0;
        stats.steps++;
        stats.maxStepMs = Math.max(stats.maxStepMs, ms);
        this.onStep(ms);
      }
      if (!done) {
        setImmediate(step);
        return;
      }
      this.current = null;
      this.dirty = false;
      this.last = stats;
      for (const w of this.waiters.splice(0)) w();
    };
    step();
  }

  /** One bounded piece of work; true once the file is vacuumed and the WAL truncated. */
  private stepOnce(stats: ReclaimStats): boolean {
    const free = this.db.pragma("freelist_count", { simple: true }) as number;
    if (free > 0 && this.db.pragma("auto_vacuum", { simple: true }) === INCREMENTAL) {
      // The pragma yields a row per page released: stepping it once (`run`) would release one.
      this.db.pragma(`incremental_vacuum(${Math.min(free, this.stepPages)})`);
      const released = free - (this.db.pragma("freelist_count", { simple: true }) as number);
      stats.pagesReleased += released;
      if (released > 0) return false; // else nothing more to release: checkpoint now, never spin
    }
    // TRUNCATE: copies the WAL into the file (which then also shrinks by the released pages)
    // and cuts the WAL to zero bytes. busy = 1 when a reader in another process still needs it.
    const [result] = this.db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number }[];
    if (result?.busy) throw new Error("checkpoint busy");
    return true;
  }
}

/** `PRAGMA auto_vacuum` value of incremental mode. */
export const INCREMENTAL = 2;
