import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
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
import type { VersionStore } from "../store/ports/VersionStore.ts";
import { readDocument } from "./freeze.ts";
import { documentMilestones } from "./milestones.ts";
import { KIND_LABELS } from "./record.ts";
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

const currentContent = async (live: LiveStates, documentId: string) => contentOf(await live.currentState(documentId));

function contentOf(state: Uint8Array): JSONContent {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, state);
    return readDocument(ydoc).json as JSONContent;
  } finally {
    ydoc.destroy();
  }
}

/** The changes from one version to another version or to the current text. */
export async function exportRedlineOf(
  store: DocumentReader & VersionStore & NameLookup,
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
  const meta = to
    ? await versionMeta(store, { document: doc, chain: states, state: to }, to.approvals)
    : draftMeta(doc.title, doc.id, KIND_LABELS[doc.kind]);
  const heading = `${meta.title}: Änderungen von Version ${from.version.seq} bis ${to ? `Version ${to.version.seq}` : "zum aktuellen Text"}`;
  const bytes = await exportRedline(format, fromContent, toContent, meta, heading);
  return {
    bytes,
    contentType: contentTypeOf(format),
    fileName: fileNameOf(meta, format, `-aenderungen-seit-v${from.version.seq}`),
  };
}
