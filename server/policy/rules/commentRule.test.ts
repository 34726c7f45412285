import { describe, expect, it } from "vitest";
import type { ReplyData, ThreadData } from "../../../shared/comments/model.ts";
import type { Actor, Change, DocumentContext } from "../Change.ts";
import { commentRule } from "./commentRule.ts";

const ANDREA: Actor = { user: { id: "u-andrea", name: "Andrea Meier", orgId: "kanton-so" }, role: "owner" };
const LUKAS: Actor = { user: { id: "u-lukas", name: "Lukas Frei", orgId: "kanton-so" }, role: "editor" };
const AT = "2026-12-01T10:00:00.000Z";
const LATER = "2026-12-01T11:00:00.000Z";

const reply = (change: Partial<ReplyData> = {}): ReplyData => ({
  id: "r-1",
  authorId: ANDREA.user.id,
  authorName: ANDREA.user.name,
  orgId: ANDREA.user.orgId,
  createdAt: AT,
  text: "Antwort",
  editedAt: null,
  ...change,
});
const thread = (change: Partial<ThreadData> = {}): ThreadData => ({
  id: "t-1",
  authorId: ANDREA.user.id,
  authorName: ANDREA.user.name,
  orgId: ANDREA.user.orgId,
  createdAt: AT,
  text: "Bitte prüfen",
  quote: "KIP",
  anchorStart: new Uint8Array([1]),
  anchorEnd: new Uint8Array([2]),
  resolved: false,
  resolvedBy: null,
  resolvedAt: null,
  editedAt: null,
  replies: [reply()],
  ...change,
});
const CONTEXT: DocumentContext = { crossPartyAcceptance: false, parties: [], locked: false, final: false, now: 0 };
const judge = (actor: Actor, before: ThreadData | undefined, after: ThreadData) => {
  const change: Change = {
    contentChanged: false,
    contentProblems: [],
    foreignRoots: [],
    threads: [{ id: "t-1", before, after }],
    region: () => {
      throw new Error("no content");
    },
  };
  return commentRule(actor, change, CONTEXT);
};

describe("commentRule and mentions", () => {
  it("takes mentions in a new comment of one's own, and in one's own edit", () => {
    expect(judge(ANDREA, undefined, thread({ mentions: ["u-lukas"] })).refuse).toBeUndefined();
    const edited = thread({ text: "Bitte @Lukas prüfen", editedAt: LATER, mentions: ["u-lukas"] });
    expect(judge(ANDREA, thread(), edited).refuse).toBeUndefined();
    const ownReply = thread({ replies: [reply({ text: "@Lukas", editedAt: LATER, mentions: ["u-lukas"] })] });
    expect(judge(ANDREA, thread(), ownReply).refuse).toBeUndefined();
  });

  it("refuses a change of the mentions of another's thread or reply", () => {
    expect(judge(LUKAS, thread(), thread({ mentions: ["u-marco"] })).refuse).toBe(
      "cannot change the mentions of another user's comment",
    );
    expect(judge(LUKAS, thread({ mentions: ["u-marco"] }), thread({ mentions: [] })).refuse).toBeDefined();
    expect(judge(LUKAS, thread(), thread({ replies: [reply({ mentions: ["u-marco"] })] })).refuse).toBeDefined();
  });

  it("refuses the author's own mention change that comes without an edit", () => {
    expect(judge(ANDREA, thread(), thread({ mentions: ["u-lukas"] })).refuse).toBe(
      "mentions change only with an edit of the comment",
    );
    expect(judge(ANDREA, thread(), thread({ replies: [reply({ mentions: ["u-lukas"] })] })).refuse).toBe(
      "mentions change only with an edit of the comment",
    );
  });

  it("refuses mentions beyond the schema's bounds", () => {
    const many = Array.from({ length: 21 }, (_, i) => `u-${i}`);
    expect(judge(ANDREA, undefined, thread({ mentions: many })).refuse).toBe("malformed comment thread");
    expect(judge(ANDREA, undefined, thread({ mentions: ["u-lukas", "u-lukas"] })).refuse).toBe(
      "malformed comment thread",
    );
    expect(judge(ANDREA, undefined, thread({ mentions: ["x".repeat(65)] })).refuse).toBe("malformed comment thread");
  });
});
