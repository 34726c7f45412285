import { randomBytes } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import type * as Y from "yjs";
import { fieldProblem, type MilestoneTemplate } from "../../shared/milestones/templates.ts";
import { canEditContent } from "../../shared/roles.ts";
import { canonicalJson } from "../../shared/versions/canonicalJson.ts";
import { blockingResults, runChecks } from "../checks/registry.ts";
import { type DocumentReader, openDocument } from "../documents/documents.ts";
import {
  alreadyDecided,
  badRequest,
  checksFailing,
  forbidden,
  fourEyes,
  milestonePending,
  noMilestoneLeft,
  notFound,
  notPending,
  openItems,
} from "../errors.ts";
import type { NotificationEvents } from "../notifications/events.ts";
import type { AccountStore, NameLookup } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { DocumentStore } from "../store/ports/DocumentStore.ts";
import type { ApprovalRow, VersionRow, VersionStore } from "../store/ports/VersionStore.ts";
import { checkedSignatories } from "./colleagues.ts";
import { freezeVersion, readDocument } from "./freeze.ts";
import { approvalHashOf } from "./hashes.ts";
import { approvalRecordOf, parseVersionRecord, versionRecordOf } from "./record.ts";
import { milestoneStates } from "./status.ts";

/** The live documents, as the milestone workflow needs them (implemented by RoomRegistry). */
export interface LiveDocuments {
  withLockedDocument<T>(documentId: string, work: (doc: Y.Doc) => Promise<T>): Promise<T>;
  refreshSettings(documentId: string): Promise<void>;
}

/** What reading where a document stands needs: the document and its chain. */
export type ChainReader = Pick<DocumentStore, "findDocument"> &
  Pick<VersionStore, "listVersions" | "listVersionHeads" | "listApprovals">;

/** What the milestone workflow reads and writes: the document, its chain, names for the record, the audit log. */
type MilestonePorts = DocumentReader & VersionStore & NameLookup & AuditStore & Pick<AccountStore, "listUsersOf">;

export interface MilestoneDeps {
  store: MilestonePorts;
  live: LiveDocuments;
  /** Told of requests and decisions once they are stored (issue 16); absent, nobody is notified. */
  events?: NotificationEvents | undefined;
}

/** Values in the order the milestone lists its fields, as the record prints them. */
const inFieldOrder = (template: MilestoneTemplate, values: Record<string, string>): Record<string, string> =>
  Object.fromEntries(template.fields.filter((f) => f.key in values).map((f) => [f.key, values[f.key] ?? ""]));

/** The override reason a version's record holds, if it was frozen with one. */
const overrideOf = (version: VersionRow): string | undefined => parseVersionRecord(version.record)?.override?.reason;

const newId = (prefix: string) => `${prefix}-${randomBytes(9).toString("base64url")}`;

/** Where a document stands: its versions with their status, the lock and the next milestone. */
export async function documentMilestones(store: ChainReader, documentId: string) {
  const doc = await store.findDocument(documentId);
  if (!doc) throw notFound("document");
  const versions = await store.listVersions(documentId);
  const approvals = await store.listApprovals(versions.map((v) => v.id));
  return { doc, ...milestoneStates(doc, versions, approvals) };
}

/** What a room needs to know when it loads: the acceptance setting, whether a milestone locks the text, whether it is final. */
export async function documentFlags(store: ChainReader, documentId: string) {
  const doc = await store.findDocument(documentId);
  if (!doc) throw notFound("document");
  const versions = await store.listVersionHeads(documentId);
  const { lock, final } = milestoneStates(doc, versions, await store.listApprovals(versions.map((v) => v.id)));
  return {
    crossPartyAcceptance: doc.crossPartyAcceptance,
    locked: lock !== null,
    final: final !== null,
    parties: doc.parties.map((p) => p.orgId),
  };
}

/**
 * An owner requests the next milestone: the document is locked for everyone, what was
 * accepted before is committed, and exactly that state is frozen as a new version in the
 * chain. Refused while another milestone is pending, and while suggestions or comment
 * threads are open unless `includeOpen` (the version then lists them).
 */
export async function requestMilestone(
  deps: MilestoneDeps,
  documentId: string,
  actorId: string,
  options: { includeOpen: boolean; override?: string | undefined },
): Promise<VersionRow> {
  const { role } = await openDocument(deps.store, documentId, actorId);
  if (role !== "owner") throw forbidden("only owners request milestones");
  const version = await deps.live.withLockedDocument(documentId, async (live) => {
    // Read after the lock: nothing can change the document or its chain in between.
    const { lock, next, states, doc } = await documentMilestones(deps.store, documentId);
    if (lock) throw milestonePending();
    if (!next) throw noMilestoneLeft();
    const { json, open } = readDocument(live);
    if (!options.includeOpen && (open.suggestions.length > 0 || open.threads.length > 0)) {
      throw openItems(open.suggestions.length, open.threads.length);
    }
    // Checks that block this milestone (sections not settled by both parties for
    // "Programmvereinbarung bereinigt"): refused, or frozen with the override reason.
    const parties = doc.parties.map((p) => p.orgId);
    const failing = blockingResults(runChecks({ kind: doc.kind, parties, doc: live }), next.id);
    const reason = options.override?.trim();
    if (failing.length > 0 && !reason) throw checksFailing(failing.length);
    const override =
      failing.length > 0 && reason
        ? { reason, failing: failing.map((r) => ({ id: r.id, label: String(r.params.title ?? r.message) })) }
        : undefined;
    const record = await versionRecordOf(deps.store, {
      title: doc.title,
      kind: doc.kind,
      milestone: next.id,
      frozenBy: actorId,
      doc: json as JSONContent,
      override,
    });
    const version = freezeVersion({
      id: newId("v"),
      documentId,
      milestone: next.id,
      doc: live,
      frozenBy: actorId,
      frozenAt: new Date().toISOString(),
      previous: states.at(-1)?.version ?? null,
      record,
    });
    try {
      await deps.store.insertVersion(version);
    } catch (err) {
      // Another instance froze first and took this place in the chain (UNIQUE document, seq).
      const now = await documentMilestones(deps.store, documentId);
      if (now.states.length > states.length) throw milestonePending();
      throw err;
    }
    return version;
  });
  // Audited once the freeze has succeeded: a failure here must not unlock a stored version.
  await deps.store.appendAudit({
    userId: actorId,
    documentId,
    action: "milestone.requested",
    detail: {
      versionId: version.id,
      milestone: version.milestone,
      contentHash: version.contentHash,
      // Only when the reason was used (frozen in the record), not whenever one was sent.
      ...(overrideOf(version) ? { override: overrideOf(version) } : {}),
    },
  });
  deps.events?.emit({
    kind: "milestone_requested",
    documentId,
    actorId,
    versionId: version.id,
    milestone: version.milestone,
  });
  return version;
}

/**
 * An owner or editor decides for their organisation on the pending version. When every
 * required organisation approved, the milestone is reached; a rejection ends it. Either
 * way the document unlocks for the next phase; the version stays in the history.
 * Where the milestone has four eyes, the requester cannot approve (they may reject, which
 * withdraws their request); signatories are picked, checked and recorded by name.
 */
export async function decide(
  deps: MilestoneDeps,
  versionId: string,
  actorId: string,
  input: {
    decision: "approve" | "reject";
    details: Record<string, string>;
    signatories?: readonly string[] | undefined;
    reason?: string | undefined;
  },
): Promise<ApprovalRow> {
  const version = await deps.store.findVersion(versionId);
  if (!version) throw notFound("version");
  const { role } = await openDocument(deps.store, version.documentId, actorId);
  const user = await deps.store.findUserById(actorId);
  if (!user) throw notFound("user");
  const { lock, doc } = await documentMilestones(deps.store, version.documentId);
  if (!lock || lock.version.id !== versionId || !lock.template) throw notPending();
  const template = lock.template;
  // Only the organisation holding a party role the milestone needs, on this document: a
  // Solothurn editor of a Bern document decides nothing for Bern.
  if (!canEditContent(role) || !lock.requiredOrgs.includes(user.orgId)) {
    throw forbidden("only owners and editors of a party organisation this milestone needs may decide");
  }
  if (lock.approvals.some((a) => a.orgId === user.orgId)) throw alreadyDecided();
  const picked = input.decision === "approve" ? (input.signatories ?? []) : [];
  if (input.decision === "approve") {
    if (template.fourEyes && version.frozenBy === actorId) throw fourEyes();
    const problem = fieldProblem(template, input.details, picked);
    if (problem) throw badRequest(problem);
  } else if (!input.reason?.trim()) throw badRequest("a rejection needs a reason");
  const signatories = picked.length > 0 ? await checkedSignatories(deps.store, doc.id, user.orgId, picked) : [];
  const signatoryField = template.fields.find((f) => f.kind === "signatories");
  // The names are recorded as the field's value, as a typed signatory was before: exports
  // print "Unterzeichnet durch: Name, Name" and older approvals read and verify unchanged.
  const details =
    input.decision !== "approve"
      ? {}
      : signatoryField && signatories.length > 0
        ? inFieldOrder(template, { ...input.details, [signatoryField.key]: signatories.map((s) => s.name).join(", ") })
        : input.details;
  const fields = {
    id: newId("a"),
    versionId,
    userId: actorId,
    orgId: user.orgId,
    decision: input.decision,
    details: canonicalJson(details),
    reason: input.decision === "reject" ? (input.reason?.trim() ?? null) : null,
    at: new Date().toISOString(),
    record: await approvalRecordOf(deps.store, {
      kind: doc.kind,
      milestone: version.milestone,
      userId: actorId,
      orgId: user.orgId,
      details,
    }),
  };
  const approval: ApprovalRow = { ...fields, hash: approvalHashOf(fields, version.chainHash) };
  // Whether the decisions settle the milestone is judged in the approval's own transaction,
  // on all of them (another organisation may decide at the same moment): the log unlocks
  // with the decision that settles it, so the chain and the log's lock never disagree.
  await deps.store.insertApproval(
    approval,
    (decisions) => milestoneStates(doc, [version], decisions).states[0]?.status !== "pending",
  );
  const after = await documentMilestones(deps.store, version.documentId);
  const status = after.states.find((s) => s.version.id === versionId)?.status;
  await deps.store.appendAudit({
    userId: actorId,
    documentId: doc.id,
    action: `milestone.${input.decision === "approve" ? "approved" : "rejected"}`,
    detail: {
      versionId,
      milestone: version.milestone,
      orgId: user.orgId,
      ...(signatories.length > 0 ? { signatories: signatories.map((s) => s.id) } : {}),
    },
  });
  if (status === "reached") {
    await deps.store.appendAudit({
      userId: actorId,
      documentId: doc.id,
      action: "milestone.reached",
      detail: { versionId, milestone: version.milestone, contentHash: version.contentHash },
    });
  }
  if (status !== "pending") await deps.live.refreshSettings(doc.id);
  if (status) {
    deps.events?.emit({
      kind: "milestone_decided",
      documentId: doc.id,
      actorId,
      versionId,
      milestone: version.milestone,
      status,
      reason: approval.reason,
    });
  }
  return approval;
}
