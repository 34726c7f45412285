import path from "node:path";
import { createDocument } from "../../../server/documents/documents.ts";
import { seedDemo } from "../../../server/seed/demo.ts";
import { openSqliteStore } from "../../../server/store/sqlite/openSqliteStore.ts";
import type { BigDocument } from "./bigDocument.ts";

export const BIG_DOCUMENT_ID = "bench-big-konzept";

/**
 * Writes a fresh Accord data dir: the demo accounts and documents (as the server seeds
 * them) plus the big document, owned by Andrea Meier, with the other three demo members and
 * the SEM's Sandra Keller as editors (the remote typists). Run before the server starts:
 * the server then finds its users and seeds nothing.
 */
export async function seedAccordDataDir(dataDir: string, password: string, big: BigDocument): Promise<void> {
  const store = await openSqliteStore(path.join(dataDir, "accord.sqlite"));
  try {
    await seedDemo(store, password);
    await createDocument(
      store,
      { id: "u-andrea", orgId: "kanton-so" },
      { id: BIG_DOCUMENT_ID, title: "Programmkonzept KIP 3 (Benchmark ×20)", kind: "concept" },
    );
    for (const userId of ["u-lukas", "u-claire", "u-marco", "u-admin"]) {
      await store.setMembership({ documentId: BIG_DOCUMENT_ID, userId, role: "editor" });
    }
    await store.appendUpdates([{ documentId: BIG_DOCUMENT_ID, data: big.update, userId: "u-andrea" }]);
  } finally {
    await store.close();
  }
}
