import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import { milestoneOf } from "../../shared/milestones/templates.ts";
import { parseSuggestionId } from "../../shared/suggestions/ids.ts";
import { openDocument } from "../documents/documents.ts";
import { notFound } from "../errors.ts";
import {
  archiveBundle,
  contentTypeOf,
  type ExportFormat,
  type ExportMeta,
  exportDocument,
  exportRedline,
  fileNameOf,
  type RedlineFormat,
} from "../export/index.ts";
import type { Store } from "../store/Store.ts";
import { readDocument } from "./freeze.ts";
import { documentMilestones } from "./milestones.ts";
import type { VersionState } from "./status.ts";

const KIND_LABELS = { concept: "Programmkonzept", agreement: "Programmvereinbarung" } as const;

/** The live documents, as exports need them (implemented by RoomRegistry). */
export interface LiveStates {
  currentState(documentId: string): Promise<Uint8Array>;
}

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/** Names for user ids, looked up once each. */
function nameLookup(store: Store) {
  const cache = new Map<string, Promise<string>>();
  return (userId: string) => {
    let name = cache.get(userId);
    if (!name) {
      name = store.findUserById(userId).then((u) => u?.name ?? userId);
      cache.set(userId, name);
    }
    return name;
  };
}

/** Word attributes each pending suggestion to its author by name. */
async function suggestionAuthors(store: Store, doc: JSONContent) {
  const nameOf = nameLookup(store);
  const names = new Map<string, string>();
  const walk = async (node: JSONContent) => {
    for (const mark of node.marks ?? []) {
      const origin = parseSuggestionId(mark.attrs?.id);
      if (origin && !names.has(origin.userId)) names.set(origin.userId, await nameOf(origin.userId));
    }
    for (const child of node.content ?? []) await walk(child);
  };
  await walk(doc);
  return (id: unknown) => {
    const origin = parseSuggestionId(id);
    return origin ? (names.get(origin.userId) ?? origin.userId) : "Accord";
  };
}

async function versionMeta(
  store: Store,
  title: string,
  kind: keyof typeof KIND_LABELS,
  state: VersionState,
): Promise<ExportMeta> {
  const nameOf = nameLookup(store);
  const { version: v, template } = state;
  return {
    title,
    documentId: v.documentId,
    kindLabel: KIND_LABELS[kind],
    milestone: template?.label ?? v.milestone,
    versionId: v.id,
    seq: v.seq,
    contentHash: v.contentHash,
    chainHash: v.chainHash,
    frozenAt: v.frozenAt,
    frozenBy: await nameOf(v.frozenBy),
    draft: false,
    approvals: await Promise.all(
      state.approvals.map(async (a) => ({
        orgName: (await store.organisationName(a.orgId)) ?? a.orgId,
        userName: await nameOf(a.userId),
        decision: a.decision,
        at: a.at,
        details: Object.entries(JSON.parse(a.details) as Record<string, string>).map(
          ([key, value]): [string, string] => [
            milestoneOf(kind, v.milestone)?.fields.find((f) => f.key === key)?.label ?? key,
            value,
          ],
        ),
        reason: a.reason,
      })),
    ),
  };
}

const draftMeta = (title: string, documentId: string, kind: keyof typeof KIND_LABELS): ExportMeta => ({
  title,
  documentId,
  kindLabel: KIND_LABELS[kind],
  milestone: null,
  versionId: null,
  seq: null,
  contentHash: null,
  chainHash: null,
  frozenAt: null,
  frozenBy: null,
  draft: true,
  approvals: [],
});

/** A frozen version in `format`, for a member of its document. */
export async function exportVersion(
  store: Store,
  versionId: string,
  userId: string,
  format: ExportFormat,
): Promise<ExportFile> {
  const version = await store.findVersion(versionId);
  if (!version) throw notFound("version");
  const doc = await openDocument(store, version.documentId, userId);
  const { states } = await documentMilestones(store, version.documentId);
  const state = states.find((s) => s.version.id === versionId);
  if (!state) throw notFound("version");
  const meta = await versionMeta(store, doc.title, doc.kind, state);
  const content = JSON.parse(version.pmJson) as JSONContent;
  const author = await suggestionAuthors(store, content);
  const bytes =
    format === "zip"
      ? await archiveBundle({
          doc: content,
          meta,
          yjsState: version.state,
          author,
          manifest: {
            format: "accord-archive/1",
            document: { id: doc.id, title: doc.title, kind: doc.kind },
            version: {
              id: version.id,
              seq: version.seq,
              milestone: version.milestone,
              milestoneLabel: meta.milestone,
              status: state.status,
              frozenAt: version.frozenAt,
              frozenBy: version.frozenBy,
              contentHash: version.contentHash,
              stateHash: version.stateHash,
              prevHash: version.prevHash,
              chainHash: version.chainHash,
            },
            approvals: state.approvals,
            chain: states
              .filter((s) => s.version.seq <= version.seq)
              .map((s) => ({
                id: s.version.id,
                seq: s.version.seq,
                contentHash: s.version.contentHash,
                chainHash: s.version.chainHash,
              })),
            hashes: {
              algorithm: "SHA-256",
              content: "sha256(canonical JSON of the ProseMirror document)",
              chain:
                "sha256(prevHash\\ncontentHash\\nmilestone\\nfrozenAt\\nfrozenBy\\ndocumentId\\nversionId\\nseq\\nstateHash\\nsha256(openItems))",
            },
          },
        })
      : await exportDocument(format, content, meta, author);
  return { bytes, contentType: contentTypeOf(format), fileName: fileNameOf(meta, format) };
}

/** The document's current text, marked as a draft ("Entwurf, nicht freigegeben"). */
export async function exportCurrent(
  store: Store,
  live: LiveStates,
  documentId: string,
  userId: string,
  format: Exclude<ExportFormat, "zip">,
): Promise<ExportFile> {
  const doc = await openDocument(store, documentId, userId);
  const content = await currentContent(live, documentId);
  const meta = draftMeta(doc.title, doc.id, doc.kind);
  const bytes = await exportDocument(format, content, meta, await suggestionAuthors(store, content));
  return { bytes, contentType: contentTypeOf(format), fileName: fileNameOf(meta, format) };
}

async function currentContent(live: LiveStates, documentId: string): Promise<JSONContent> {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, await live.currentState(documentId));
    return readDocument(ydoc).json as JSONContent;
  } finally {
    ydoc.destroy();
  }
}

/** The changes from one version to another version or to the current text. */
export async function exportRedlineOf(
  store: Store,
  live: LiveStates,
  documentId: string,
  userId: string,
  range: { from: string; to: string },
  format: RedlineFormat,
): Promise<ExportFile> {
  const doc = await openDocument(store, documentId, userId);
  const { states } = await documentMilestones(store, documentId);
  const stateOf = (id: string) => {
    const s = states.find((x) => x.version.id === id);
    if (!s) throw notFound("version");
    return s;
  };
  const from = stateOf(range.from);
  const to = range.to === "current" ? null : stateOf(range.to);
  const fromContent = JSON.parse(from.version.pmJson) as JSONContent;
  const toContent = to ? (JSON.parse(to.version.pmJson) as JSONContent) : await currentContent(live, documentId);
  const meta = to ? await versionMeta(store, doc.title, doc.kind, to) : draftMeta(doc.title, doc.id, doc.kind);
  const heading = `${doc.title}: Änderungen von Version ${from.version.seq} bis ${to ? `Version ${to.version.seq}` : "zum aktuellen Text"}`;
  const bytes = await exportRedline(format, fromContent, toContent, meta, heading);
  return {
    bytes,
    contentType: contentTypeOf(format),
    fileName: fileNameOf(meta, format, `-aenderungen-seit-v${from.version.seq}`),
  };
}
