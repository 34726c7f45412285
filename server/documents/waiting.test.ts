import { describe, expect, it } from "vitest";
import { awaitsDecisionOf, unreadCountsByDocument, waitingOf } from "./waiting.ts";

const pending = (over: Partial<Parameters<typeof awaitsDecisionOf>[0] & object> = {}) => ({
  version: { frozenBy: "u-andrea" },
  template: { fourEyes: false },
  requiredOrgs: ["kanton-so"],
  approvals: [],
  ...over,
});
const lukas = { id: "u-lukas", orgId: "kanton-so", role: "editor" as const };

describe("awaitsDecisionOf", () => {
  it("waits for an owner or editor of a required organisation that has not decided", () => {
    expect(awaitsDecisionOf(pending(), lukas)).toBe(true);
    expect(awaitsDecisionOf(pending(), { ...lukas, role: "owner" })).toBe(true);
  });

  it("does not wait for others, for a decided organisation, the four-eyes requester, or without a milestone", () => {
    expect(awaitsDecisionOf(null, lukas)).toBe(false);
    expect(awaitsDecisionOf(pending({ template: null }), lukas)).toBe(false);
    expect(awaitsDecisionOf(pending(), { ...lukas, role: "suggester" })).toBe(false);
    expect(awaitsDecisionOf(pending(), { ...lukas, orgId: "sem" })).toBe(false);
    expect(awaitsDecisionOf(pending({ approvals: [{ orgId: "kanton-so" }] }), lukas)).toBe(false);
    const fourEyes = pending({ template: { fourEyes: true }, version: { frozenBy: "u-lukas" } });
    expect(awaitsDecisionOf(fourEyes, lukas)).toBe(false);
    expect(awaitsDecisionOf(fourEyes, { ...lukas, id: "u-andrea", role: "owner" })).toBe(true);
  });
});

describe("waitingOf", () => {
  it("adds replies and mentions, and counts the other party's suggestions", () => {
    const unread = unreadCountsByDocument([
      { documentId: "d", kind: "reply", count: 2 },
      { documentId: "d", kind: "mentioned", count: 1 },
      { documentId: "d", kind: "suggestions", count: 5 },
      { documentId: "d", kind: "thread_resolved", count: 4 },
      { documentId: "e", kind: "reply", count: 7 },
    ]);
    expect(waitingOf(null, lukas, unread.get("d") ?? new Map())).toEqual({
      approval: false,
      replies: 3,
      suggestions: 5,
    });
    expect(waitingOf(pending(), lukas, new Map())).toEqual({ approval: true, replies: 0, suggestions: 0 });
  });
});
