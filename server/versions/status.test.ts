import { describe, expect, it } from "vitest";
import type { ApprovalRow, VersionHead } from "../store/ports/VersionStore.ts";
import { milestoneStates } from "./status.ts";

const version = { id: "v1", documentId: "d", seq: 1, milestone: "pv-bereinigt" } as VersionHead;
const approval = (orgId: string, decision: "approve" | "reject" = "approve") =>
  ({ id: `a-${orgId}`, versionId: "v1", userId: `u-${orgId}`, orgId, decision }) as ApprovalRow;
const bern = [
  { orgId: "kanton-be", role: "canton" as const },
  { orgId: "sem", role: "federal" as const },
];
const statusOf = (parties: typeof bern, approvals: ApprovalRow[]) =>
  milestoneStates({ kind: "agreement", parties }, [version], approvals).states[0] ?? {
    status: "none",
    requiredOrgs: [],
  };

describe("milestone status by party role", () => {
  it("resolves the roles through the document's parties: Bern and the SEM reach a Bern milestone", () => {
    expect(statusOf(bern, []).requiredOrgs).toEqual(["kanton-be", "sem"]);
    expect(statusOf(bern, [approval("kanton-be")]).status).toBe("pending");
    expect(statusOf(bern, [approval("kanton-be"), approval("sem")]).status).toBe("reached");
  });

  it("counts no approval of an organisation that holds no role: Solothurn's does not stand for Bern", () => {
    expect(statusOf(bern, [approval("kanton-so"), approval("sem")]).status).toBe("pending");
  });

  it("keeps a milestone pending when no party holds a role it needs, whoever approved", () => {
    const federalOnly = bern.filter((p) => p.role === "federal");
    expect(statusOf(federalOnly, [approval("sem"), approval("kanton-be")]).status).toBe("pending");
  });

  it("is rejected by any rejection", () => {
    expect(statusOf(bern, [approval("kanton-be"), approval("sem", "reject")]).status).toBe("rejected");
  });
});
