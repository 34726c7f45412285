import { describe, expect, it } from "vitest";
import type { ThreadData } from "../../../../shared/comments/model.ts";
import { ROLES } from "../../../../shared/roles.ts";
import { canComment, canResolve, isOwn } from "./permissions.ts";

const thread = (authorId: string): ThreadData => ({
  id: "t1",
  authorId,
  authorName: "Marco Rossi",
  orgId: "sem",
  createdAt: "2026-01-01T00:00:00.000Z",
  text: "Bitte präzisieren.",
  quote: "KIP 3",
  anchorStart: new Uint8Array(),
  anchorEnd: new Uint8Array(),
  resolved: false,
  resolvedBy: null,
  resolvedAt: null,
  editedAt: null,
  replies: [],
});

describe("comment permissions in the UI", () => {
  it("lets every role but viewers comment", () => {
    expect(ROLES.filter(canComment)).toEqual(["owner", "editor", "suggester", "commenter"]);
  });

  it("lets owners and editors resolve anyone's thread", () => {
    expect(canResolve("owner", "u-andrea", thread("u-marco"))).toBe(true);
    expect(canResolve("editor", "u-lukas", thread("u-marco"))).toBe(true);
  });

  it("lets commenters and suggesters resolve only their own threads", () => {
    expect(canResolve("commenter", "u-marco", thread("u-marco"))).toBe(true);
    expect(canResolve("commenter", "u-marco", thread("u-andrea"))).toBe(false);
    expect(canResolve("suggester", "u-claire", thread("u-claire"))).toBe(true);
    expect(canResolve("suggester", "u-claire", thread("u-andrea"))).toBe(false);
  });

  it("lets a viewer resolve nothing, not even a thread written before being downgraded", () => {
    expect(canResolve("viewer", "u-marco", thread("u-marco"))).toBe(false);
  });

  it("counts a comment as one's own only by author id", () => {
    expect(isOwn("u-marco", { authorId: "u-marco" })).toBe(true);
    expect(isOwn("u-marco", { authorId: "u-andrea" })).toBe(false);
  });
});
