/** Limits on failed sign-ins within a sliding window. */
export interface ThrottleLimits {
  /** Failures for one e-mail from one address: the guesser's own bound. */
  perAccountAddress: number;
  /** Failures from one address, whatever the e-mails: one address spraying many accounts. */
  perAddress: number;
  /**
   * Failures for one e-mail from all addresses together: caps guessing spread over many
   * addresses. Much higher than `perAccountAddress`, so that reaching it takes many
   * addresses, each stopped by its own bounds long before.
   */
  perAccount: number;
  windowMs: number;
}

/** Addresses remembered per account as its own, and for how long after a sign-in from them. */
const KNOWN_PER_ACCOUNT = 8;
const KNOWN_FOR_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Counts failed sign-ins in memory and says when to refuse further attempts, against
 * password guessing. Failures are counted per (e-mail, address), per address and per
 * e-mail; an attempt is refused when any of its three counts is full. Counting per
 * (e-mail, address) instead of per e-mail means a guesser's failures lock out the guesser's
 * address, not the account's owner signing in from another one (five wrong guesses from
 * anywhere used to refuse everyone, correct password included, for the whole window).
 * A success clears no count: an attacker could otherwise interleave a known account.
 *
 * The per-e-mail cap would still let guesses from many addresses refuse the owner's
 * correct password everywhere (twenty addresses of one /64 did). So addresses the account
 * signed in from before (`recordSuccess`, the last few, for `knownForMs`) are exempt from
 * it: the owner's usual places keep working, new ones stay capped. Callers pass addresses
 * as counted keys (IPv6 by /64, `addressKey`).
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  /** Per e-mail: the addresses it signed in from, with the time of the last sign-in. */
  private readonly known = new Map<string, Map<string, number>>();
  private nextSweep = 0;

  constructor(private readonly limits: ThrottleLimits) {}

  /** Seconds until another attempt for `email` from `address` is allowed, or 0 if it is allowed now. */
  retryAfter(email: string, address: string, now = Date.now()): number {
    const wait = ([key, max]: [string, number]) => {
      const times = this.recent(key, now);
      const oldest = times[times.length - max];
      return times.length >= max && oldest !== undefined ? oldest + this.limits.windowMs - now : 0;
    };
    const keys = this.keysOf(email, address).filter(
      ([key]) => !key.startsWith("e:") || !this.isKnown(email, address, now),
    );
    return Math.ceil(Math.max(...keys.map(wait)) / 1000);
  }

  /** Remembers `address` as one the account signs in from (bounded to the last few). */
  recordSuccess(email: string, address: string, now = Date.now()): void {
    const places = this.known.get(email) ?? new Map<string, number>();
    places.delete(address);
    places.set(address, now);
    for (const oldest of places.keys()) {
      if (places.size <= KNOWN_PER_ACCOUNT) break;
      places.delete(oldest);
    }
    this.known.set(email, places);
  }

  private isKnown(email: string, address: string, now: number): boolean {
    const at = this.known.get(email)?.get(address);
    return at !== undefined && at > now - KNOWN_FOR_MS;
  }

  /** Counts one failed sign-in against the pair, the address and the e-mail. */
  recordFailure(email: string, address: string, now = Date.now()): void {
    this.sweep(now);
    for (const [key, max] of this.keysOf(email, address)) {
      // Only the newest `max` times decide when the key frees up; older ones need no memory.
      this.failures.set(key, [...this.recent(key, now), now].slice(-max));
    }
  }

  /** Keys with failures inside the window. */
  get tracked(): number {
    return this.failures.size;
  }

  private keysOf(email: string, address: string): [string, number][] {
    return [
      [`p:${address} ${email}`, this.limits.perAccountAddress],
      [`a:${address}`, this.limits.perAddress],
      [`e:${email}`, this.limits.perAccount],
    ];
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
