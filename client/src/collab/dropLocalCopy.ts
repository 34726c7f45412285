import { clearDocument, type IndexeddbPersistence } from "y-indexeddb";

/**
 * Drops a document's offline copy: stops writing to it, then deletes its IndexedDB database,
 * resolving once the database is gone (y-indexeddb's `clearData` resolves before that). After
 * a refused update the copy holds changes the server will never take; loading it again would
 * send them again and be refused again.
 */
export async function dropLocalCopy(persistence: IndexeddbPersistence): Promise<void> {
  await persistence.destroy();
  await clearDocument(persistence.name);
}
