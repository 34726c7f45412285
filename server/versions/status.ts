import type { DocumentKind } from "../../shared/api/schemas.ts";
import {
  type MilestoneTemplate,
  milestoneOf,
  nextMilestone,
  type PartyHolder,
  requiredOrgsOf,
} from "../../shared/milestones/templates.ts";
import type { ApprovalRow, VersionHead, VersionRow } from "../store/ports/VersionStore.ts";

export type MilestoneStatus = "pending" | "reached" | "rejected";

export interface VersionState<V extends VersionHead = VersionRow> {
  version: V;
  template: MilestoneTemplate | null;
  /** The organisations that hold the template's party roles on this document. */
  requiredOrgs: string[];
  approvals: ApprovalRow[];
  status: MilestoneStatus;
}

/**
 * Where a document stands on its milestone path, derived from its immutable versions and
 * decisions: a version's milestone is reached when the organisation holding each party role
 * it needs (on this document) approved, rejected when any rejected, pending otherwise. A role
 * no party holds keeps it pending. The newest version, if pending, locks the document; once
 * every milestone of the path is reached, the newest version (the last milestone's) makes
 * it final: read-only for good, derived from the chain like the lock.
 */
export function milestoneStates<V extends VersionHead>(
  doc: { kind: DocumentKind; parties: readonly PartyHolder[] },
  versions: readonly V[],
  approvals: readonly ApprovalRow[],
) {
  const approved = (own: readonly ApprovalRow[], orgId: string) =>
    own.some((a) => a.orgId === orgId && a.decision === "approve");
  const states: VersionState<V>[] = versions.map((version) => {
    const template = milestoneOf(doc.kind, version.milestone);
    const own = approvals.filter((a) => a.versionId === version.id);
    const requiredOrgs = template ? requiredOrgsOf(template, doc.parties) : [];
    const everyRoleHeld = template?.requiredParties.every((role) => doc.parties.some((p) => p.role === role)) ?? true;
    const status: MilestoneStatus = own.some((a) => a.decision === "reject")
      ? "rejected"
      : everyRoleHeld && requiredOrgs.every((org) => approved(own, org))
        ? "reached"
        : "pending";
    return { version, template, requiredOrgs, approvals: own, status };
  });
  const last = states.at(-1);
  const reached = new Set(states.filter((s) => s.status === "reached").map((s) => s.version.milestone));
  const next = nextMilestone(doc.kind, reached);
  return {
    states,
    lock: last?.status === "pending" ? last : null,
    final: next === null && last?.status === "reached" ? last : null,
    reached,
    next,
  };
}
