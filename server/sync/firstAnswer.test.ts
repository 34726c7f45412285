import { describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { answerFromStore } from "./firstAnswer.ts";
import * as scan from "./stateScan.ts";
import type { StoredState } from "./UpdateLog.ts";

vi.mock("./stateScan.ts", async (original) => {
  const actual = await original<typeof import("./stateScan.ts")>();
  return { ...actual, wholeStateVector: vi.fn(actual.wholeStateVector) };
});

describe("answerFromStore (review18)", () => {
  it("scans the stored state once for all the connections waiting on one cold load", async () => {
    const doc = new Y.Doc();
    doc.getText("t").insert(0, "hello");
    const state = { snapshot: null, updates: [Y.encodeStateAsUpdate(doc)], lastSeq: 1 } as unknown as StoredState;
    const stored = Promise.resolve(state);
    const sent: Uint8Array[] = [];
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        answerFromStore(
          stored,
          async () => true,
          (frame) => sent.push(frame) > 0,
        ),
      ),
    );
    expect(sent).toHaveLength(20);
    expect(new Set(sent).size).toBe(1); // one frame, not a copy of the state per connection
    for (const a of answers) expect(a).toEqual(new Map([[doc.clientID, 5]]));
    expect(vi.mocked(scan.wholeStateVector)).toHaveBeenCalledTimes(1);
  });
});
