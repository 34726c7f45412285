import { afterAll, onTestFinished } from "vitest";

/**
 * Runs `fn` when the current test ends, or after the file when called outside a test
 * (in a describe body). Helpers call this so every resource they open is released.
 */
export function cleanup(fn: () => unknown): void {
  try {
    onTestFinished(async () => {
      await fn();
    });
  } catch {
    afterAll(async () => {
      await fn();
    });
  }
}
