/**
 * Probe markers: a writer inserts `~#` + six base-36 digits; Yjs writes inserted strings
 * as UTF-8, so the marker's bytes appear as they are in the update frame that carries it
 * and a reader finds it without decoding Yjs.
 */
export const MARKER_PREFIX = "~#";
export const MARKER_LENGTH = MARKER_PREFIX.length + 6;

const prefix = Buffer.from(MARKER_PREFIX, "latin1");

/** The marker of probe number `n` (unique within a run). */
export const marker = (n: number): string => `${MARKER_PREFIX}${n.toString(36).padStart(6, "0")}`;

/** Every marker in `frame`, in order. */
export function markersIn(frame: Buffer): string[] {
  const found: string[] = [];
  for (let at = frame.indexOf(prefix); at >= 0 && at + MARKER_LENGTH <= frame.length; ) {
    found.push(frame.toString("latin1", at, at + MARKER_LENGTH));
    at = frame.indexOf(prefix, at + MARKER_LENGTH);
  }
  return found;
}

/** CLOCK_MONOTONIC in ms: the same clock in every process, so times compare across them. */
export const monotonicMs = (): number => Number(process.hrtime.bigint()) / 1e6;
