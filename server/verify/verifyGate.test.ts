import { describe, expect, it } from "vitest";
import { verifyGate } from "./verifyGate.ts";

describe("verifyGate", () => {
  it("runs `running` at once, queues `queued`, refuses the rest, and hands places on in order", async () => {
    const gate = verifyGate({ running: 1, queued: 1 });
    const first = await gate.enter();
    const second = gate.enter();
    expect(second).not.toBeNull();
    expect(gate.enter()).toBeNull();
    let started = false;
    void second?.then(() => {
      started = true;
    });
    await Promise.resolve();
    expect(started).toBe(false);
    first?.();
    first?.(); // a second release gives nothing away
    const release = await second;
    expect(started).toBe(true);
    expect(gate.enter()).not.toBeNull(); // queued again
    expect(gate.enter()).toBeNull();
    release?.();
  });
});
