import type { DocumentKind } from "../../shared/api/schemas.ts";
import { type MilestoneTemplate, milestoneOf, nextMilestone } from "../../shared/milestones/templates.ts";
import type { ApprovalRow, VersionHead, VersionRow } from "../store/ports/VersionStore.ts";

export type MilestoneStatus = "pending" | "reached" | "rejected";

export interface VersionState<V extends VersionHead = VersionRow> {
  version: V;
  template: MilestoneTemplate | null;
  approvals: ApprovalRow[];
  status: MilestoneStatus;
}

/**
 * Where a document stands on its milestone path, derived from its immutable versions and
 * decisions: a version's milestone is reached when every required organisation approved,
 * rejected when any rejected, pending otherwise. The newest version, if pending, locks the
 * document.
 */
export function milestoneStates<V extends VersionHead>(
  kind: DocumentKind,
  versions: readonly V[],
  approvals: readonly ApprovalRow[],
) {
  const states: VersionState<V>[] = versions.map((version) => {
    const template = milestoneOf(kind, version.milestone);
    const own = approvals.filter((a) => a.versionId === version.id);
    const required = template?.requiredOrgs ?? [];
    const status: MilestoneStatus = own.some((a) => a.decision === "reject")
      ? "rejected"
      : required.every((org) => own.some((a) => a.orgId === org && a.decision === "approve"))
        ? "reached"
        : "pending";
    return { version, template, approvals: own, status };
  });
  const last = states.at(-1);
  const reached = new Set(states.filter((s) => s.status === "reached").map((s) => s.version.milestone));
  return {
    states,
    lock: last?.status === "pending" ? last : null,
    reached,
    next: nextMilestone(kind, reached),
  };
}
