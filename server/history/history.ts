import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import type { ComparisonView } from "../../shared/api/comparison.ts";
import type { HistoryEntry } from "../../shared/api/history.ts";
import { canEditContent } from "../../shared/roles.ts";
import { type DocumentReader, openDocument } from "../documents/documents.ts";
import { documentFinal, forbidden, milestonePending, notFound } from "../errors.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";
import type { AttributionStore } from "../store/ports/AttributionStore.ts";
import type { AuditStore } from "../store/ports/AuditStore.ts";
import type { HistoryStore, HistoryUnit } from "../store/ports/HistoryStore.ts";
import { readDocument } from "../versions/freeze.ts";
import { attributedRedline, type ComparedText } from "../versions/redlineAttribution.ts";
import { restoreContent, type ServerChanges } from "../versions/restoreContent.ts";
import { entryId, groupEntries, parseEntryId } from "./entries.ts";

type HistoryReader = DocumentReader & HistoryStore & NameLookup;

/** Who stands for changes no person made (seed, server, the state from before the Verlauf). */
const SYSTEM_NAME = "System";

/** The Verlauf of a document for one of its members, newest first. */
export async function listHistory(store: HistoryReader, documentId: string, userId: string): Promise<HistoryEntry[]> {
  await openDocument(store, documentId, userId);
  const entries = groupEntries(await store.historyUnits(documentId));
  const names = new Map<string, string>();
  for (const id of new Set(entries.flatMap((e) => e.userIds))) {
    names.set(id, (await store.findUserById(id))?.name ?? id);
  }
  return entries.map((e) => ({
    id: entryId(e),
    users: e.userIds.map((id) => ({ id, name: names.get(id) ?? id })),
    from: e.from,
    to: e.to,
  }));
}

/** The text (and state) after applying `units` in order to an empty document. */
function textAfter(units: readonly HistoryUnit[]): ComparedText {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const u of units) Y.applyUpdate(doc, u.data);
    });
    return { json: readDocument(doc).json as JSONContent, state: Y.encodeStateAsUpdate(doc) };
  } finally {
    doc.destroy();
  }
}

/**
 * The units and the sequence range an entry id names, for a member: 404 unless both ends are
 * unit boundaries of this document's history (an id the Verlauf listed, now or earlier).
 */
async function entryOf(store: HistoryReader, documentId: string, userId: string, id: string) {
  const doc = await openDocument(store, documentId, userId);
  const range = parseEntryId(id);
  if (!range) throw notFound("history entry");
  const units = await store.historyUnits(documentId);
  const first = units.findIndex((u) => u.firstSeq === range.firstSeq);
  const last = units.findIndex((u) => u.lastSeq === range.lastSeq);
  if (first < 0 || last < first) throw notFound("history entry");
  return { doc, units, first, last };
}

/** The redline of an entry: the state before it against the state after it, attributed. */
export async function historyRedline(
  store: HistoryReader & AttributionStore,
  documentId: string,
  userId: string,
  id: string,
): Promise<ComparisonView> {
  const { units, first, last } = await entryOf(store, documentId, userId, id);
  const before = textAfter(units.slice(0, first));
  const after = textAfter(units.slice(0, last + 1));
  const at = (units[last] as HistoryUnit).to;
  const red = await attributedRedline(store, documentId, before, after, { name: SYSTEM_NAME, at });
  return { doc: red.doc, changes: red.changes };
}

/**
 * Puts the text as it was after an entry back into the live document, as a new change by
 * `actorId` (owners and editors; not while a milestone locks it or once it is final).
 */
export async function restoreHistoryEntry(
  deps: { store: HistoryReader & AuditStore; live: ServerChanges },
  documentId: string,
  actorId: string,
  id: string,
): Promise<void> {
  const { doc, units, last } = await entryOf(deps.store, documentId, actorId, id);
  if (!canEditContent(doc.role)) throw forbidden("only owners and editors restore the Verlauf");
  if (doc.final) throw documentFinal();
  if (doc.lock) throw milestonePending();
  const applied = await restoreContent(deps.live, documentId, actorId, textAfter(units.slice(0, last + 1)).json);
  // Refused by the room: locked or final since the check above; the chain says which.
  if (!applied)
    throw (await openDocument(deps.store, documentId, actorId)).final ? documentFinal() : milestonePending();
  await deps.store.appendAudit({ userId: actorId, documentId, action: "history.restored", detail: { entryId: id } });
}
