/** Limits on failed sign-ins within a sliding window. */
export interface ThrottleLimits {
  perEmail: number;
  perAddress: number;
  windowMs: number;
}

/**
 * Counts failed sign-ins per e-mail and per remote address in memory and says when to
 * refuse further attempts, against password guessing. A success does not clear anyone's
 * count: an attacker could otherwise interleave a known account.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  private nextSweep = 0;

  constructor(private readonly limits: ThrottleLimits) {}

  /** Seconds until another attempt is allowed, or 0 if it is allowed now. */
  retryAfter(email: string, address: string, now = Date.now()): number {
    const wait = (key: string, max: number) => {
      const times = this.recent(key, now);
      const oldest = times[0];
      return times.length >= max && oldest !== undefined ? oldest + this.limits.windowMs - now : 0;
    };
    const ms = Math.max(wait(`e:${email}`, this.limits.perEmail), wait(`a:${address}`, this.limits.perAddress));
    return Math.ceil(ms / 1000);
  }

  /** Counts one failed sign-in against the e-mail and against the address. */
  recordFailure(email: string, address: string, now = Date.now()): void {
    this.sweep(now);
    for (const key of [`e:${email}`, `a:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  /** E-mails and addresses with failures inside the window. */
  get tracked(): number {
    return this.failures.size;
  }

  private recent(key: string, now: number): number[] {
    const times = (this.failures.get(key) ?? []).filter((t) => t > now - this.limits.windowMs);
    if (times.length === 0) this.failures.delete(key);
    return times;
  }

  /**
   * Forgets keys whose failures all left the window, once per window: a spray of random
   * e-mails, each tried once and never again, would otherwise grow the map for ever.
   */
  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + this.limits.windowMs;
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}
