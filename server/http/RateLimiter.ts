/** How many requests a key may make per window, and how many keys are remembered at most. */
export interface RateLimits {
  max: number;
  windowMs: number;
  /** Upper bound of the map; beyond it the oldest windows are forgotten first. */
  maxKeys: number;
}

/**
 * Fixed-window request counts per key (a client address), in memory. The map never holds
 * more than `maxKeys` entries: a flood of distinct addresses (IPv6 makes them cheap) must
 * not grow the process. Windows sit in the map in the order they started, so the oldest,
 * expired ones are dropped first; only a flood larger than `maxKeys` in one window makes
 * an address forget its count early, and that flood is itself bounded by the map.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly limits: RateLimits) {}

  /** Counts one request of `key`: 0 if it is allowed, otherwise seconds until its window ends. */
  take(key: string, now = Date.now()): number {
    let window = this.windows.get(key);
    if (!window || now >= window.start + this.limits.windowMs) {
      if (window) this.windows.delete(key);
      this.makeRoom();
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    if (window.count >= this.limits.max)
      return Math.max(1, Math.ceil((window.start + this.limits.windowMs - now) / 1000));
    window.count++;
    return 0;
  }

  /** Keys currently remembered. */
  get size(): number {
    return this.windows.size;
  }

  private makeRoom(): void {
    for (const key of this.windows.keys()) {
      if (this.windows.size < this.limits.maxKeys) return;
      this.windows.delete(key);
    }
  }
}
