import { describe, expect, it } from "vitest";
import type { Piece } from "../../shared/suggestions/linear.ts";
import { RecentDecisions } from "./RecentDecisions.ts";

const text = (t: string, id?: string): Piece => ({
  t: "text",
  text: t,
  marks: "",
  suggestions: id ? [{ kind: "insertion", id }] : [],
});

describe("RecentDecisions", () => {
  it("remembers a suggestion that a change removed, for its decider only", () => {
    const decisions = new RecentDecisions(1000, 10);
    decisions.record("u-andrea", { before: [text("Hallo"), text(" Welt", "s-1")], after: [text("Hallo Welt")] }, 0);
    expect(decisions.restorableBy("u-andrea", 10).get("s-1")).toBe(JSON.stringify([["insertion", " Welt"]]));
    expect(decisions.restorableBy("u-lukas", 10).get("s-1")).toBeUndefined();
  });

  it("forgets it after the undo window and once it came back", () => {
    const decisions = new RecentDecisions(1000, 10);
    const accepted = { before: [text(" Welt", "s-1")], after: [text(" Welt")] };
    decisions.record("u-andrea", accepted, 0);
    expect(decisions.restorableBy("u-andrea", 1000).get("s-1")).toBeDefined();
    expect(decisions.restorableBy("u-andrea", 1001).get("s-1")).toBeUndefined();
    decisions.record("u-andrea", accepted, 2000);
    decisions.record("u-andrea", { before: accepted.after, after: accepted.before }, 2001);
    expect(decisions.restorableBy("u-andrea", 2002).get("s-1")).toBeUndefined();
  });

  it("keeps at most the newest decisions per person", () => {
    const decisions = new RecentDecisions(1000, 2);
    for (const id of ["s-1", "s-2", "s-3"]) decisions.record("u-andrea", { before: [text("x", id)], after: [] }, 0);
    const restorable = decisions.restorableBy("u-andrea", 0);
    expect(["s-1", "s-2", "s-3"].map((id) => restorable.get(id) !== undefined)).toEqual([false, true, true]);
  });
  it("keeps at most MAX_CHARS_PER_USER of suggested text per person, dropping the oldest", () => {
    const decisions = new RecentDecisions(1000, 10, 130);
    for (const id of ["s-1", "s-2", "s-3"]) {
      decisions.record("u-andrea", { before: [text("x".repeat(40), id)], after: [] }, 0);
    }
    const restorable = decisions.restorableBy("u-andrea", 0);
    expect(["s-1", "s-2", "s-3"].map((id) => restorable.get(id) !== undefined)).toEqual([false, true, true]);
    decisions.record("u-andrea", { before: [text("y".repeat(500), "s-4")], after: [] }, 0);
    expect(decisions.restorableBy("u-andrea", 0).size).toBe(0);
  });
});
