import { canonicalJson } from "../../shared/versions/canonicalJson.ts";
import type { ApprovalRow, VersionRow, VersionStore } from "../store/ports/VersionStore.ts";
import { approvalHashOf, chainHashOf, contentHashOf, stateHashOf } from "./hashes.ts";

/** Something stored that no longer matches its hashes or its place in the chain. */
export interface ChainProblem {
  versionId: string;
  approvalId?: string;
  problem: string;
}

function isCanonical(pmJson: string): boolean {
  try {
    return canonicalJson(JSON.parse(pmJson)) === pmJson;
  } catch {
    return false;
  }
}

/**
 * Checks one document's chain: versions numbered 1, 2, … each pointing at its
 * predecessor's chain hash, every hash recomputed from the stored bytes, and every
 * approval bound to its version. An empty list means the chain is intact.
 */
export function verifyChain(versions: readonly VersionRow[], approvals: readonly ApprovalRow[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const byId = new Map<string, VersionRow>();
  let previous: VersionRow | null = null;
  for (const v of [...versions].sort((a, b) => a.seq - b.seq)) {
    const report = (problem: string) => problems.push({ versionId: v.id, problem });
    byId.set(v.id, v);
    if (v.seq !== (previous?.seq ?? 0) + 1) report(`out of sequence: ${v.seq} after ${previous?.seq ?? 0}`);
    if (v.prevHash !== (previous?.chainHash ?? null)) report("does not point at the previous version");
    if (previous && previous.documentId !== v.documentId) report("belongs to another document than its predecessor");
    if (!isCanonical(v.pmJson)) report("stored document is not the canonical text that was frozen");
    if (contentHashOf(v.pmJson) !== v.contentHash) report("content does not match its content hash");
    if (stateHashOf(v.state) !== v.stateHash) report("Yjs state does not match its hash");
    if (chainHashOf(v) !== v.chainHash) report("chain hash does not match the version's fields");
    previous = v;
  }
  for (const a of approvals) {
    const version = byId.get(a.versionId);
    if (!version) {
      problems.push({ versionId: a.versionId, approvalId: a.id, problem: "approval of an unknown version" });
      continue;
    }
    if (approvalHashOf(a, version.chainHash) !== a.hash) {
      problems.push({ versionId: a.versionId, approvalId: a.id, problem: "approval does not match its hash" });
    }
  }
  return problems;
}

/** Checks every document's chain and reports orphaned decisions; empty when all is intact. */
export async function verifyAll(store: VersionStore): Promise<ChainProblem[]> {
  const problems: ChainProblem[] = [];
  for (const documentId of await store.documentsWithVersions())
    problems.push(...(await verifyDocument(store, documentId)));
  for (const a of await store.listOrphanApprovals()) {
    problems.push({ versionId: a.versionId, approvalId: a.id, problem: "approval of an unknown version" });
  }
  return problems;
}

export async function verifyDocument(store: VersionStore, documentId: string): Promise<ChainProblem[]> {
  const versions = await store.listVersions(documentId);
  return verifyChain(versions, await store.listApprovals(versions.map((v) => v.id)));
}
