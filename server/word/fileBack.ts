import type { Node as PMNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import type { FileBackResponse } from "../../shared/api/schemas.ts";
import type { Role } from "../../shared/roles.ts";
import { makeSuggestionId, randomToken } from "../../shared/suggestions/ids.ts";
import { type DocumentReader, openDocument } from "../documents/documents.ts";
import { documentFinal, forbidden, milestonePending, notFound } from "../errors.ts";
import { metaLines } from "../export/meta.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { VersionStore } from "../store/ports/VersionStore.ts";
import { documentMilestones } from "../versions/milestones.ts";
import { versionMeta } from "../versions/render.ts";
import type { ServerChanges } from "../versions/restore.ts";
import { fileBackTarget, suggestionIdsIn } from "./fileBackTarget.ts";
import { type DocxReader, type ImportDeps, type Importer, importedContent } from "./importDocument.ts";
import { otherVersion, readOrRefuse } from "./importErrors.ts";
import type { ImportReport } from "./imported.ts";
import {
  resolveThreads,
  schema,
  writeContent,
  writeOrigins,
  writeSuggestionOrigins,
  writeThreads,
} from "./intoYDoc.ts";
import { judge } from "./judged.ts";

/** What taking back a Word file needs: the version and its export's cover, the live document. */
export interface FileBackDeps extends ImportDeps {
  store: ImportDeps["store"] & DocumentReader & VersionStore & NameLookup & AuditStore;
  live: ServerChanges;
  readDocx: DocxReader;
}

/** Roles that may take a file back: those that may suggest (owners and editors too, judged as suggesters). */
const MAY_SUGGEST: readonly Role[] = ["owner", "editor", "suggester"];

const textOf = (block: PMNode) => block.textContent.replaceAll("\u200B", "").trim();
const VERSION_ID = /^Versions-ID ([A-Za-z0-9_-]+)/;

/**
 * Drops the export's cover block (the title and the lines metaLines prints for VERSION)
 * from the start of the file. Refuses a file whose cover names another version: it is an
 * export of something else, and its differences would be nonsense here.
 */
function withoutCover(file: PMNode, cover: ReadonlySet<string>, versionId: string): { doc: PMNode; offset: number } {
  const kept: PMNode[] = [];
  let offset = 0;
  let inCover = true;
  file.forEach((block) => {
    const text = textOf(block);
    const named = VERSION_ID.exec(text)?.[1];
    if (inCover && named && named !== versionId) throw otherVersion();
    // The export sets the cover off with empty paragraphs: they belong to it.
    if (inCover && block.isTextblock && (text === "" || cover.has(text) || named === versionId)) {
      offset += block.nodeSize;
      return;
    }
    inCover = false;
    kept.push(block);
  });
  return { doc: schema.node("doc", null, kept.length > 0 ? kept : [schema.node("paragraph")]), offset };
}

/**
 * Takes back a Word file someone edited outside Accord, starting from an export of
 * `versionId`: its differences to that version become suggestions of `importer` in the live
 * document (the file's tracked changes keep their Word author and date as origins), its
 * comments threads. The change is built on VERSION's frozen state, so Yjs merges it with
 * whatever changed since, and it is judged by the policy as the importer's suggestion
 * before the live document sees it: refused (409), nothing changes.
 */
export async function fileBack(
  deps: FileBackDeps,
  importer: Importer,
  documentId: string,
  versionId: string,
  bytes: Uint8Array,
): Promise<FileBackResponse & { report: ImportReport }> {
  const document = await openDocument(deps.store, documentId, importer.id);
  if (!MAY_SUGGEST.includes(document.role)) throw forbidden("only members who may suggest take back a Word file");
  // A signed text changes only through an amendment (issue 15).
  if (document.final) throw documentFinal();
  if (document.lock) throw milestonePending();
  const version = await deps.store.findVersion(versionId);
  if (!version || version.documentId !== documentId) throw notFound("version");
  const { states } = await documentMilestones(deps.store, documentId);
  const state = states.find((s) => s.version.id === versionId);
  if (!state) throw notFound("version");

  const imported = await readOrRefuse(() => deps.readDocx(bytes));
  const at = Date.now();
  const author = { userId: importer.id, orgId: importer.orgId };
  const content = importedContent(imported, importer, at);
  const meta = await versionMeta(deps.store, { document, chain: states, state }, state.approvals);
  const cover = new Set(
    [meta.title, ...metaLines(meta).map((l) => l.text), "Noch keine Freigabe."].map((t) => t.trim()),
  );
  const file = withoutCover(content.node, cover, versionId);
  const base = schema.nodeFromJSON(JSON.parse(version.pmJson));
  const target = await readOrRefuse(async () =>
    fileBackTarget(schema, base, file.doc, () => makeSuggestionId(author, at, randomToken())),
  );
  target.doc.check();

  // The change, made on VERSION's state: content and threads, then their resolutions (both
  // judged), then the origins (the server's).
  const scratch = new Y.Doc({ gc: false });
  Y.applyUpdate(scratch, version.state);
  const from = Y.encodeStateVector(scratch);
  writeContent(scratch, target.doc);
  const commenter = { id: importer.id, name: importer.name, orgId: importer.orgId };
  const threads = writeThreads(scratch, imported.threads, commenter, (t) => {
    if (!t.range) return null;
    const start = target.mapPosition(t.range.from - file.offset);
    const end = target.mapPosition(t.range.to - file.offset);
    return start !== null && end !== null && start < end ? { from: start, to: end } : null;
  });
  const written = Y.encodeStateVector(scratch);
  const change = Y.encodeStateAsUpdate(scratch, from);
  resolveThreads(scratch, threads.resolved, commenter);
  const changes = [change, Y.encodeStateAsUpdate(scratch, written)];

  const actor = { user: { id: importer.id, name: importer.name, orgId: importer.orgId }, role: "suggester" as const };
  const context = {
    crossPartyAcceptance: document.crossPartyAcceptance,
    parties: document.parties.map((p) => p.orgId),
    locked: false,
    final: false,
  };
  const applied = await deps.live.applyServerChange(documentId, importer.id, (ydoc) => {
    // Judged on a copy of the live document as it is now, inside the room's change: nothing
    // can come in between the verdict and the change. A refusal throws before anything changed.
    judge(ydoc, actor, changes, context);
    for (const c of changes) Y.applyUpdate(ydoc, c);
    writeSuggestionOrigins(ydoc, content.ids, imported.revisions);
    writeOrigins(ydoc, threads.origins);
  });
  if (!applied) throw milestonePending();
  const before = suggestionIdsIn(base);
  const suggestions = [...suggestionIdsIn(target.doc)].filter((id) => !before.has(id)).length;
  const report: ImportReport = {
    imported: imported.report.imported,
    skipped: mergeCounts(imported.report.skipped, target.skipped),
  };
  await deps.store.appendAudit({
    userId: importer.id,
    documentId,
    action: "document.file_returned",
    detail: { versionId, suggestions, threads: imported.threads.length, skipped: report.skipped },
  });
  return { report, suggestions, threads: imported.threads.length };
}

function mergeCounts<K extends string>(a: Partial<Record<K, number>>, b: Partial<Record<K, number>>) {
  const out: Partial<Record<K, number>> = { ...a };
  for (const [k, n] of Object.entries(b) as [K, number][]) out[k] = (out[k] ?? 0) + n;
  return out;
}
