import { describe, expect, it } from "vitest";
import { decodeUpdates, encodeUpdates, UPDATE, UPDATES } from "./relayFrames.ts";

const u = (seq: number, ...bytes: number[]) => ({ seq, data: new Uint8Array(bytes) });

describe("relay frames", () => {
  it("sends one update in the single-update frame older instances read", () => {
    const { kind, body } = encodeUpdates([u(7, 1, 2, 3)]);
    expect(kind).toBe(UPDATE);
    expect(body.readBigUInt64BE(0)).toBe(7n);
    expect(decodeUpdates(kind, body)).toEqual([u(7, 1, 2, 3)]);
  });

  it("carries several updates, empty ones included, in order", () => {
    const updates = [u(2 ** 40, 9), u(3), u(4, 1, 2, 3, 4, 5)];
    const { kind, body } = encodeUpdates(updates);
    expect(kind).toBe(UPDATES);
    expect(decodeUpdates(kind, body)).toEqual(updates);
  });

  it("reads nothing of a truncated frame", () => {
    const { kind, body } = encodeUpdates([u(1, 1, 2), u(2, 3, 4)]);
    expect(decodeUpdates(kind, body.subarray(0, body.length - 1))).toBeNull();
    expect(decodeUpdates(kind, body.subarray(0, 5))).toBeNull();
    expect(decodeUpdates(UPDATE, Buffer.alloc(7))).toBeNull();
  });
});
