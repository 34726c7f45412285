import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import type { ComparisonView } from "../../shared/api/comparison.ts";
import { type DocumentReader, openDocument } from "../documents/documents.ts";
import { notFound } from "../errors.ts";
import {
  contentTypeOf,
  type ExportFormat,
  exportDocument,
  exportRedline,
  fileNameOf,
  type RedlineFormat,
} from "../export/index.ts";
import { draftMeta } from "../export/meta.ts";
import { exportAnnotations } from "../export/threads.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";
import type { AttributionStore } from "../store/ports/AttributionStore.ts";
import type { VersionStore } from "../store/ports/VersionStore.ts";
import { readDocument } from "./freeze.ts";
import { documentMilestones } from "./milestones.ts";
import { KIND_LABELS } from "./record.ts";
import { attributedRedline } from "./redlineAttribution.ts";
import { type CommentsChoice, firstFreezer, renderVersion, suggestionAttribution, versionMeta } from "./render.ts";

/** The live documents, as exports need them (implemented by RoomRegistry). */
export interface LiveStates {
  currentState(documentId: string): Promise<Uint8Array>;
}

export interface ExportFile {
  bytes: Uint8Array;
  contentType: string;
  fileName: string;
}

/** A frozen version in `format`, for a member of its document, with every decision made so far. */
export async function exportVersion(
  store: DocumentReader & VersionStore & NameLookup,
  versionId: string,
  userId: string,
  format: ExportFormat,
  choice: CommentsChoice = { comments: true },
): Promise<ExportFile> {
  const version = await store.findVersion(versionId);
  if (!version) throw notFound("version");
  const doc = await openDocument(store, version.documentId, userId);
  const { states } = await documentMilestones(store, version.documentId);
  const state = states.find((s) => s.version.id === versionId);
  if (!state) throw notFound("version");
  const { bytes, meta } = await renderVersion(
    store,
    { document: doc, chain: states, state },
    format,
    state.approvals.length,
    choice,
  );
  return { bytes, contentType: contentTypeOf(format), fileName: fileNameOf(meta, format) };
}

/** The document's current text, marked as a draft ("Entwurf, nicht freigegeben"). */
export async function exportCurrent(
  store: DocumentReader & VersionStore & NameLookup,
  live: LiveStates,
  documentId: string,
  userId: string,
  format: Exclude<ExportFormat, "zip">,
  choice: CommentsChoice = { comments: true },
): Promise<ExportFile> {
  const doc = await openDocument(store, documentId, userId);
  // A final document's text is its last version's (nothing can change it since): exported as
  // that version, so it carries the hashes and "unterzeichnet am …", not "Entwurf".
  if (doc.final) return exportVersion(store, doc.final.versionId, userId, format, choice);
  const state = await live.currentState(documentId);
  const content = contentOf(state);
  const meta = draftMeta(doc.title, doc.id, KIND_LABELS[doc.kind]);
  const { threads, wordOrigins } = exportAnnotations(state);
  const attribution = await suggestionAttribution(store, content, {
    wordOrigins,
    fallbackAt: new Date().toISOString(),
  });
  const creator = firstFreezer((await documentMilestones(store, documentId)).states);
  const bytes = await exportDocument(format, content, meta, {
    attribution,
    ...(choice.comments ? { threads } : {}),
    ...(creator ? { creator } : {}),
  });
  return { bytes, contentType: contentTypeOf(format), fileName: fileNameOf(meta, format) };
}

/** The live text and the state it was read from. */
async function currentText(live: LiveStates, documentId: string): Promise<{ json: JSONContent; state: Uint8Array }> {
  const state = await live.currentState(documentId);
  return { json: contentOf(state), state };
}

function contentOf(state: Uint8Array): JSONContent {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return readDocument(ydoc).json as JSONContent;
  } finally {
    ydoc.destroy();
  }
}

/** The redline between a version and another version or the current text, attributed, with the versions compared. */
async function comparisonOf(
  store: DocumentReader & VersionStore & NameLookup & AttributionStore,
  live: LiveStates,
  documentId: string,
  userId: string,
  range: { from: string; to: string },
) {
  const doc = await openDocument(store, documentId, userId);
  const { states } = await documentMilestones(store, documentId);
  const stateOf = (id: string) => {
    const s = states.find((x) => x.version.id === id);
    if (!s) throw notFound("version");
    return s;
  };
  const from = stateOf(range.from);
  const to = range.to === "current" ? null : stateOf(range.to);
  const earlier = { json: JSON.parse(from.version.pmJson) as JSONContent, state: from.version.state };
  const later = to
    ? { json: JSON.parse(to.version.pmJson) as JSONContent, state: to.version.state }
    : await currentText(live, documentId);
  // Rows from before the attribution index know no author: the version's freezer stands in.
  const frozen = to?.version ?? from.version;
  const fallback = { name: (await store.findUserById(frozen.frozenBy))?.name ?? frozen.frozenBy, at: frozen.frozenAt };
  const red = await attributedRedline(store, documentId, earlier, later, fallback);
  return { doc, states, from, to, red };
}

/** The comparison as the client's compare view shows it (JSON). */
export async function comparisonView(
  store: DocumentReader & VersionStore & NameLookup & AttributionStore,
  live: LiveStates,
  documentId: string,
  userId: string,
  range: { from: string; to: string },
): Promise<ComparisonView> {
  const { red } = await comparisonOf(store, live, documentId, userId, range);
  return { doc: red.doc, changes: red.changes };
}

/** The changes from one version to another version or to the current text, each under the person who made it. */
export async function exportRedlineOf(
  store: DocumentReader & VersionStore & NameLookup & AttributionStore,
  live: LiveStates,
  documentId: string,
  userId: string,
  range: { from: string; to: string },
  format: RedlineFormat,
): Promise<ExportFile> {
  const { doc, states, from, to, red } = await comparisonOf(store, live, documentId, userId, range);
  const meta = to
    ? await versionMeta(store, { document: doc, chain: states, state: to }, to.approvals)
    : draftMeta(doc.title, doc.id, KIND_LABELS[doc.kind]);
  const heading = `${meta.title}: Änderungen von Version ${from.version.seq} bis ${to ? `Version ${to.version.seq}` : "zum aktuellen Text"}`;
  const bytes = await exportRedline(format, red, meta, heading);
  return {
    bytes,
    contentType: contentTypeOf(format),
    fileName: fileNameOf(meta, format, `-aenderungen-seit-v${from.version.seq}`),
  };
}
