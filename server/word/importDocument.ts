import type { Node as PMNode } from "@tiptap/pm/model";
import * as Y from "yjs";
import type { DocumentKind, DocumentSummary } from "../../shared/api/schemas.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { type WordOrigin, wordOriginKey } from "../../shared/word/origins.ts";
import { createDocument, type DocumentReader } from "../documents/documents.ts";
import { AppError } from "../errors.ts";
import type { UserRow } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { ServerChanges } from "../versions/restore.ts";
import { readOrRefuse } from "./importErrors.ts";
import type { ImportedDocx, ImportReport } from "./imported.ts";
import { originOf, resolveThreads, schema, writeContent, writeOrigins, writeThreads } from "./intoYDoc.ts";
import { judge } from "./judged.ts";
import { withSuggestionIds } from "./suggestionIds.ts";

/** Reads a Word file into Accord's model (server/word/read), throwing DocxImportError for a bad file. */
export type DocxReader = (bytes: Uint8Array) => Promise<ImportedDocx>;

/** The importing user as the import needs them: suggestion ids, thread authors, audit. */
export type Importer = Pick<UserRow, "id" | "orgId" | "name">;

/**
 * The imported document as ProseMirror content with Accord suggestion ids of `importer`
 * made at `at`, checked against the schema (a reader's output that does not fit is a file
 * Accord cannot take: 422, nothing written). `ids`: Word revision key → suggestion id.
 */
export function importedContent(
  imported: ImportedDocx,
  importer: Importer,
  at: number,
): { node: PMNode; ids: Map<string, string> } {
  const { doc, ids } = withSuggestionIds(imported.doc, { userId: importer.id, orgId: importer.orgId }, at);
  try {
    const node = schema.nodeFromJSON(doc);
    node.check();
    return { node, ids };
  } catch (err) {
    throw new AppError(
      422,
      "word_too_complex",
      `the file's content does not fit Accord's schema: ${(err as Error).message}`,
    );
  }
}

/**
 * A whole imported file as Yjs updates on an empty document: the content and the threads,
 * then their resolutions (what the policy judges), and apart from them the Word origins,
 * which only the server writes.
 */
export function importedUpdate(
  imported: ImportedDocx,
  content: { node: PMNode; ids: ReadonlyMap<string, string> },
  importer: Importer,
): { updates: Uint8Array[]; origins: [string, WordOrigin][] } {
  const author = { id: importer.id, name: importer.name, orgId: importer.orgId };
  const scratch = new Y.Doc();
  writeContent(scratch, content.node);
  const threads = writeThreads(scratch, imported.threads, author);
  const written = Y.encodeStateVector(scratch);
  const first = Y.encodeStateAsUpdate(scratch);
  resolveThreads(scratch, threads.resolved, author);
  const resolutions = Y.encodeStateAsUpdate(scratch, written);
  scratch.destroy();
  const origins: [string, WordOrigin][] = [];
  for (const [key, id] of content.ids) {
    const word = Object.hasOwn(imported.revisions, key) ? imported.revisions[key] : undefined;
    const origin = word ? originOf(word) : null;
    if (origin) origins.push([wordOriginKey.suggestion(id), origin]);
  }
  return { updates: [first, resolutions], origins: [...origins, ...threads.origins] };
}

/** What the import route needs. */
export interface ImportDeps {
  store: DocumentReader & AuditStore;
  live: ServerChanges;
  readDocx: DocxReader;
}

/**
 * Creates a document from a Word file (the same rules as creating an empty one: the
 * creator's organisation must be a party) and writes the file into it as the importer's
 * change. The file is read and checked before anything is created: a bad file creates no
 * document, no update and no audit entry.
 */
export async function importDocument(
  deps: ImportDeps,
  importer: Importer,
  input: { title: string; kind: DocumentKind; parties?: string[] | undefined },
  bytes: Uint8Array,
): Promise<{ document: DocumentSummary; report: ImportReport }> {
  const imported = await readOrRefuse(() => deps.readDocx(bytes));
  const at = Date.now();
  const content = importedContent(imported, importer, at);
  const { updates, origins } = importedUpdate(imported, content, importer);
  // Judged as the owner's own first update before anything exists (content safety, threads,
  // suggestions in the importer's name): the reader's output is not trusted blindly.
  const actor = { user: { id: importer.id, name: importer.name, orgId: importer.orgId }, role: "owner" as const };
  judge(new Y.Doc(), actor, updates, { crossPartyAcceptance: false, parties: [], locked: false, final: false });
  const document = await createDocument(deps.store, importer, input);
  await deps.live.applyServerChange(document.id, importer.id, (ydoc) => {
    // A new document is empty: the updates were made and judged for exactly that state.
    if (ydoc.getXmlFragment(CONTENT_FIELD).length > 0) throw new Error(`new document ${document.id} is not empty`);
    for (const update of updates) Y.applyUpdate(ydoc, update);
    writeOrigins(ydoc, origins);
  });
  await deps.store.appendAudit({
    userId: importer.id,
    documentId: document.id,
    action: "document.imported",
    detail: { ...imported.report.imported, skipped: imported.report.skipped },
  });
  return { document, report: imported.report };
}
