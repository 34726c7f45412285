import { statSync } from "node:fs";
import Database from "better-sqlite3";
import * as Y from "yjs";
import { mergeThroughDoc } from "../../sync/compaction.ts";
import type { Store } from "../Store.ts";
import { openSqlStore } from "../sql/SqlStore.ts";
import type { DiskReclaimOptions } from "./DiskReclaim.ts";
import { SqliteDatabase } from "./SqliteDatabase.ts";

// Test support for DiskReclaim: a document whose compaction leaves many free pages, and
// readings of the file with an independent connection.

/** A store on `file` and its database, reclaiming with `options` (a long idleMs: never, unless asked). */
export async function openReclaiming(file: string, options: DiskReclaimOptions = { idleMs: 3_600_000 }) {
  const db = SqliteDatabase.open(file, options);
  return { db, store: await openSqlStore(db) };
}

/** Creates document "doc" with `count` updates of ~400 characters each, compacts it; returns its text. */
export async function typeAndCompact(store: Store, count = 600): Promise<string> {
  await store.createUser({ id: "u", email: "u@amt.ch", name: "U", orgId: "kanton-so", passwordHash: "h" });
  await store.createDocument({
    id: "doc",
    title: "doc",
    kind: "concept",
    ownerId: "u",
    crossPartyAcceptance: false,
    parties: [],
  });
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => updates.push(u));
  const text = doc.getText("t");
  for (let i = 0; i < count; i++) text.insert(text.length, `${i}: ${"Integrationsprogramm ".repeat(19)}\n`);
  await store.appendUpdates(updates.map((data) => ({ documentId: "doc", data, userId: "u" })));
  await store.compact("doc", mergeThroughDoc);
  return text.toString();
}

async function storedDoc(store: Store): Promise<Y.Doc> {
  const state = await store.loadState("doc");
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const u of state.updates) Y.applyUpdate(doc, u);
  return doc;
}

/** The document's text as the store holds it. */
export const storedText = async (store: Store): Promise<string> => (await storedDoc(store)).getText("t").toString();

/** Appends `more` at the end of the stored text, as one logged update. */
export async function appendText(store: Store, more: string): Promise<void> {
  const doc = await storedDoc(store);
  const before = Y.encodeStateVector(doc);
  doc.getText("t").insert(doc.getText("t").length, more);
  await store.appendUpdates([{ documentId: "doc", data: Y.encodeStateAsUpdate(doc, before), userId: "u" }]);
}

/** Sizes of the file and its WAL, and the file's free pages, read as an operator would. */
export function fileFigures(file: string) {
  const size = (f: string) => statSync(f, { throwIfNoEntry: false })?.size ?? 0;
  const db = new Database(file, { readonly: true });
  try {
    return {
      fileBytes: size(file),
      walBytes: size(`${file}-wal`),
      freePages: db.pragma("freelist_count", { simple: true }) as number,
      integrity: db.pragma("integrity_check", { simple: true }) as string,
    };
  } finally {
    db.close();
  }
}
