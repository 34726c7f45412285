import type { Node as PMNode } from "@tiptap/pm/model";
import type * as Y from "yjs";
import type { DocumentKind, DocumentSummary } from "../../shared/api/schemas.ts";
import { createDocument, type DocumentReader } from "../documents/documents.ts";
import { AppError } from "../errors.ts";
import type { UserRow } from "../store/ports/AccountStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { ServerChanges } from "../versions/restore.ts";
import { readOrRefuse } from "./importErrors.ts";
import type { ImportedDocx, ImportReport } from "./imported.ts";
import { schema, writeContent, writeOrigins, writeSuggestionOrigins, writeThreads } from "./intoYDoc.ts";
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
 * Writes a whole imported file into a fresh document: the content, the Word origin of
 * every suggestion, the threads with their replies and resolved state and their origins.
 */
export function writeImported(
  ydoc: Y.Doc,
  imported: ImportedDocx,
  content: { node: PMNode; ids: ReadonlyMap<string, string> },
  importer: Importer,
): void {
  writeContent(ydoc, content.node);
  writeSuggestionOrigins(ydoc, content.ids, imported.revisions);
  writeOrigins(
    ydoc,
    writeThreads(ydoc, imported.threads, { id: importer.id, name: importer.name, orgId: importer.orgId }),
  );
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
  const document = await createDocument(deps.store, importer, input);
  await deps.live.applyServerChange(document.id, importer.id, (ydoc) =>
    writeImported(ydoc, imported, content, importer),
  );
  await deps.store.appendAudit({
    userId: importer.id,
    documentId: document.id,
    action: "document.imported",
    detail: { ...imported.report.imported, skipped: imported.report.skipped },
  });
  return { document, report: imported.report };
}
