const QUARTER_HOUR = 15 * 60_000;

/**
 * The Verlauf groups edits per quarter hour, so a test whose edits straddle a boundary sees
 * more entries than it typed sessions. Called before such a test: if the next boundary is
 * less than `marginMs` away, waits until just after it.
 */
export async function awayFromQuarterHourEdge(marginMs = 90_000): Promise<void> {
  const untilNext = QUARTER_HOUR - (Date.now() % QUARTER_HOUR);
  if (untilNext < marginMs) await new Promise((resolve) => setTimeout(resolve, untilNext + 1_000));
}
