/** How much verification work runs at once, and how much may wait for it. */
export interface GateLimits {
  running: number;
  queued: number;
}

/**
 * A bound on concurrent verification work (issue 11): `POST /api/verify` is public and a
 * check may render exports, so at most `running` run at once and `queued` wait; beyond
 * that `enter` answers null at once (503), instead of the server piling up work and
 * memory. Waiting requests have not read their upload yet.
 */
export function verifyGate(limits: GateLimits) {
  let running = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    /** A place: resolves with its release once the work may start; null when all places are taken. */
    enter(): Promise<() => void> | null {
      if (running < limits.running) {
        running++;
        return Promise.resolve(once(release));
      }
      if (waiting.length >= limits.queued) return null;
      return new Promise((resolve) => waiting.push(() => resolve(once(release))));
    },
  };
}

const once = (f: () => void) => {
  let done = false;
  return () => {
    if (done) return;
    done = true;
    f();
  };
};
