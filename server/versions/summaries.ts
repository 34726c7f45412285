import type { VersionDetail, VersionSummary } from "../../shared/api/schemas.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";
import type { VersionState } from "./status.ts";

/** Names of the people who froze and decided, looked up once per person. */
async function namesOf(store: NameLookup, states: readonly VersionState[]): Promise<Map<string, string>> {
  const ids = new Set<string>();
  for (const s of states) {
    ids.add(s.version.frozenBy);
    for (const a of s.approvals) ids.add(a.userId);
  }
  const names = new Map<string, string>();
  for (const id of ids) names.set(id, (await store.findUserById(id))?.name ?? id);
  return names;
}

function openCounts(openItems: string): { suggestions: number; threads: number } {
  try {
    const parsed = JSON.parse(openItems) as { suggestions?: unknown[]; threads?: unknown[] };
    return { suggestions: parsed.suggestions?.length ?? 0, threads: parsed.threads?.length ?? 0 };
  } catch {
    return { suggestions: 0, threads: 0 };
  }
}

/** Versions as the API lists them, oldest first. */
export async function versionSummaries(store: NameLookup, states: readonly VersionState[]): Promise<VersionSummary[]> {
  const names = await namesOf(store, states);
  return states.map(({ version: v, template, requiredOrgs, approvals, status }) => ({
    id: v.id,
    documentId: v.documentId,
    seq: v.seq,
    milestone: v.milestone,
    milestoneLabel: template?.label ?? v.milestone,
    status,
    requiredParties: [...(template?.requiredParties ?? [])],
    requiredOrgs,
    fourEyes: template?.fourEyes ?? false,
    fields: [...(template?.fields ?? [])],
    contentHash: v.contentHash,
    chainHash: v.chainHash,
    prevHash: v.prevHash,
    frozenAt: v.frozenAt,
    frozenBy: { id: v.frozenBy, name: names.get(v.frozenBy) ?? v.frozenBy },
    approvals: approvals.map((a) => ({
      id: a.id,
      orgId: a.orgId,
      userId: a.userId,
      userName: names.get(a.userId) ?? a.userId,
      decision: a.decision,
      details: JSON.parse(a.details) as Record<string, string>,
      reason: a.reason,
      at: a.at,
    })),
    openItems: openCounts(v.openItems),
  }));
}

export async function versionDetail(store: NameLookup, state: VersionState): Promise<VersionDetail> {
  const [summary] = await versionSummaries(store, [state]);
  if (!summary) throw new Error("no summary");
  return { ...summary, content: JSON.parse(state.version.pmJson) as Record<string, unknown> };
}
