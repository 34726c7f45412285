import { afterEach, describe, expect, it, vi } from "vitest";
import { Awareness } from "y-protocols/awareness";
import * as Y from "yjs";
import { caretActivity, LABEL_VISIBLE_MS } from "./caretActivity.ts";

describe("caretActivity", () => {
  afterEach(() => vi.useRealTimers());

  it("reports a move when a user's cursor changes and idleness after a while without one", () => {
    vi.useFakeTimers();
    const awareness = new Awareness(new Y.Doc());
    const events: string[] = [];
    const activity = caretActivity(awareness, {
      move: (id) => events.push(`move ${id}`),
      idle: (id) => events.push(`idle ${id}`),
    });
    awareness.setLocalState({ user: { id: "u-lukas" }, cursor: { anchor: 1, head: 1 } });
    expect(events).toEqual(["move u-lukas"]);
    vi.advanceTimersByTime(LABEL_VISIBLE_MS - 1);
    expect(activity.sinceMove("u-lukas")).toBe(LABEL_VISIBLE_MS - 1);
    // Another field changing is no move: the label still fades on time.
    awareness.setLocalStateField("other", 1);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(["move u-lukas", "idle u-lukas"]);
    awareness.setLocalStateField("cursor", { anchor: 2, head: 2 });
    expect(events.at(-1)).toBe("move u-lukas");
    expect(activity.sinceMove("u-lukas")).toBe(0);
    awareness.destroy();
  });
});
