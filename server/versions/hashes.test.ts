import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { approvalHashOf, chainHashOf } from "./hashes.ts";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

const version = {
  id: "v-1",
  documentId: "kip3-konzept-so",
  seq: 1,
  milestone: "konzept-entwurf",
  contentHash: "c".repeat(64),
  stateHash: "s".repeat(64),
  prevHash: null,
  frozenBy: "u-andrea",
  frozenAt: "2026-11-28T10:00:00.000Z",
  openItems: '{"suggestions":[],"threads":[]}',
};
const oldRecipe = [
  "",
  version.contentHash,
  version.milestone,
  version.frozenAt,
  version.frozenBy,
  version.documentId,
  version.id,
  "1",
  version.stateHash,
  sha256(version.openItems),
];

describe("chain and approval hashes", () => {
  it("keeps the recipe of versions frozen before records were kept, so they still verify", () => {
    expect(chainHashOf({ ...version, record: null })).toBe(sha256(oldRecipe.join("\n")));
  });

  it("binds the record (title, names) of later versions with one more line", () => {
    const record = '{"title":"KIP 3"}';
    expect(chainHashOf({ ...version, record })).toBe(sha256([...oldRecipe, sha256(record)].join("\n")));
    expect(chainHashOf({ ...version, record: '{"title":"KIP 4"}' })).not.toBe(chainHashOf({ ...version, record }));
  });

  it("binds an approval's record the same way", () => {
    const a = {
      id: "a-1",
      versionId: "v-1",
      userId: "u-andrea",
      orgId: "kanton-so",
      decision: "approve" as const,
      details: "{}",
      reason: null,
      at: "2026-11-28T11:00:00.000Z",
    };
    const fields = ["chain", a.id, a.versionId, a.userId, a.orgId, a.decision, a.details, "", a.at];
    expect(approvalHashOf({ ...a, record: null }, "chain")).toBe(sha256(fields.join("\n")));
    const recorded = [...fields.slice(0, 7), sha256(""), a.at, sha256("{}")];
    expect(approvalHashOf({ ...a, record: "{}" }, "chain")).toBe(sha256(recorded.join("\n")));
  });

  it("binds a multi-line reason so that no text can move between it and the time", () => {
    const a = {
      id: "a-1",
      versionId: "v-1",
      userId: "u-andrea",
      orgId: "kanton-so",
      decision: "reject" as const,
      details: "{}",
      reason: "Bitte prüfen.",
      at: "2026-11-28T11:00:00.000Z",
      record: "{}",
    };
    const shifted = { ...a, reason: `${a.reason}\n${a.at}`, at: "" };
    expect(approvalHashOf(shifted, "chain")).not.toBe(approvalHashOf(a, "chain"));
  });
});
