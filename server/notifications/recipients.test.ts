import { describe, expect, it } from "vitest";
import {
  approverRecipients,
  commentRecipients,
  type Member,
  memberRecipients,
  suggestionRecipients,
  threadRecipients,
} from "./recipients.ts";

// A canton (so) and the SEM (sem) as parties, and a member of an organisation that is no party.
const MEMBERS: Member[] = [
  { userId: "andrea", role: "owner", orgId: "so" },
  { userId: "lukas", role: "editor", orgId: "so" },
  { userId: "sara", role: "commenter", orgId: "so" },
  { userId: "claire", role: "editor", orgId: "sem" },
  { userId: "marco", role: "commenter", orgId: "sem" },
  { userId: "nina", role: "owner", orgId: "sem" },
  { userId: "guest", role: "viewer", orgId: "consult" },
];
const PARTIES = ["so", "sem"];

const comment = (change: Partial<Parameters<typeof commentRecipients>[1]> = {}) => ({
  actorId: "claire",
  mentions: [] as string[],
  created: true,
  replyId: null as string | null,
  participants: [] as string[],
  ...change,
});

describe("commentRecipients", () => {
  it("tells the mentioned members, and nobody for a mention of a non-member (which it names)", () => {
    expect(commentRecipients(MEMBERS, comment({ mentions: ["andrea", "mallory", "marco"] }))).toEqual({
      mentioned: ["andrea", "marco"],
      replied: [],
      ignored: ["mallory"],
    });
  });

  it("never tells the author of their own mention, nor twice for a repeated id", () => {
    expect(commentRecipients(MEMBERS, comment({ mentions: ["claire", "lukas", "lukas"] })).mentioned).toEqual([
      "lukas",
    ]);
  });

  it("tells the thread's author and earlier repliers of a new reply, but not its author", () => {
    const reply = comment({ replyId: "r2", participants: ["andrea", "claire", "lukas", "andrea"] });
    expect(commentRecipients(MEMBERS, reply).replied).toEqual(["andrea", "lukas"]);
  });

  it("tells a participant who is also mentioned only as mentioned", () => {
    const reply = comment({ replyId: "r2", participants: ["andrea", "lukas"], mentions: ["lukas"] });
    expect(commentRecipients(MEMBERS, reply)).toMatchObject({ mentioned: ["lukas"], replied: ["andrea"] });
  });

  it("tells no participant of a new thread or an edit, and no participant who left the document", () => {
    expect(commentRecipients(MEMBERS, comment({ participants: ["andrea"] })).replied).toEqual([]);
    expect(
      commentRecipients(MEMBERS, comment({ created: false, replyId: "r1", participants: ["andrea"] })).replied,
    ).toEqual([]);
    expect(commentRecipients(MEMBERS, comment({ replyId: "r2", participants: ["gone", "andrea"] })).replied).toEqual([
      "andrea",
    ]);
  });
});

describe("threadRecipients", () => {
  it("tells the thread's members but not the one who resolved it", () => {
    expect(threadRecipients(MEMBERS, "lukas", ["andrea", "lukas", "marco", "gone", "marco"])).toEqual([
      "andrea",
      "marco",
    ]);
  });
});

describe("suggestionRecipients", () => {
  it("tells the members of the other parties only, not the suggester's colleagues nor non-parties", () => {
    expect(suggestionRecipients(MEMBERS, PARTIES, "claire")).toEqual({
      orgId: "sem",
      userIds: ["andrea", "lukas", "sara"],
    });
    expect(suggestionRecipients(MEMBERS, PARTIES, "lukas")).toEqual({
      orgId: "so",
      userIds: ["claire", "marco", "nina"],
    });
  });

  it("tells nobody of a suggester who is no member", () => {
    expect(suggestionRecipients(MEMBERS, PARTIES, "mallory")).toEqual({ orgId: null, userIds: [] });
  });

  it("tells the other parties of a suggestion by a non-party member", () => {
    expect(suggestionRecipients(MEMBERS, PARTIES, "guest").userIds).toEqual([
      "andrea",
      "lukas",
      "sara",
      "claire",
      "marco",
      "nina",
    ]);
  });
});

describe("approverRecipients", () => {
  it("tells the owners and editors of the deciding organisations, not the requester, nobody else", () => {
    expect(approverRecipients(MEMBERS, ["so"], "andrea")).toEqual(["lukas"]);
    expect(approverRecipients(MEMBERS, ["so", "sem"], "andrea")).toEqual(["lukas", "claire", "nina"]);
    expect(approverRecipients(MEMBERS, [], "andrea")).toEqual([]);
  });
});

describe("memberRecipients", () => {
  it("tells every member but the one who decided", () => {
    expect(memberRecipients(MEMBERS, "claire")).toEqual(["andrea", "lukas", "sara", "marco", "nina", "guest"]);
  });
});
