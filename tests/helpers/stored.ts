import * as Y from "yjs";
import type { AccordServer } from "../../server/startServer.ts";

/** A document exactly as the server's store holds it (snapshot and log), read without the room. */
export async function storedDoc(server: Pick<AccordServer, "store">, documentId: string): Promise<Y.Doc> {
  const state = await server.store.loadState(documentId);
  const doc = new Y.Doc();
  if (state.snapshot) Y.applyUpdate(doc, state.snapshot);
  for (const update of state.updates) Y.applyUpdate(doc, update);
  return doc;
}
