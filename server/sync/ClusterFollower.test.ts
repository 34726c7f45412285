import { describe, expect, it } from "vitest";
import { createLogger } from "../log.ts";
import { ClusterFollower } from "./ClusterFollower.ts";
import type { UpdatesSince } from "./UpdateLog.ts";

const u = (seq: number) => ({ seq, data: new Uint8Array([seq]) });

function follower(lastSeq: number, stored: number[] = []) {
  const applied: number[][] = [];
  let reads = 0;
  const f = new ClusterFollower({
    documentId: "d",
    log: createLogger("silent"),
    lastSeq,
    readSince: async (after): Promise<UpdatesSince> => {
      reads++;
      const updates = stored.filter((s) => s > after).map(u);
      return { snapshot: null, updates, lastSeq: Math.max(after, ...stored) };
    },
    apply: (updates) => applied.push(updates.map((d) => d[0] ?? -1)),
    isDestroyed: () => false,
  });
  return { f, applied, reads: () => reads };
}

describe("ClusterFollower", () => {
  it("applies a relayed commit's updates that are next in line as one change", () => {
    const { f, applied, reads } = follower(4);
    f.receiveAll([u(5), u(6), u(7)]);
    expect(applied).toEqual([[5, 6, 7]]);
    expect(f.completeUpTo).toBe(7);
    f.receiveAll([u(6), u(7)]); // already there
    expect(applied).toHaveLength(1);
    expect(reads()).toBe(0);
  });

  it("applies the part before a gap and reads the rest from the store", async () => {
    const { f, applied, reads } = follower(4, [5, 6, 7, 8, 9]);
    f.receiveAll([u(5), u(6), u(8), u(9)]);
    expect(applied).toEqual([[5, 6]]);
    await f.catchUp();
    expect(reads()).toBeGreaterThan(0);
    expect(applied.flat()).toEqual([5, 6, 7, 8, 9]);
    expect(f.completeUpTo).toBe(9);
  });

  it("skips its own commits in the middle and counts them as complete", () => {
    const { f, applied, reads } = follower(5);
    f.noteSeq(7); // committed here, relayed elsewhere
    f.receiveAll([u(6), u(8)]);
    expect(applied).toEqual([[6, 8]]);
    expect(f.completeUpTo).toBe(8);
    expect(reads()).toBe(0);
  });
});
