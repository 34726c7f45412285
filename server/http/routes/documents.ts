import { Hono } from "hono";
import { CreateDocumentRequest, UpdateDocumentRequest } from "../../../shared/api/schemas.ts";
import { startAmendment } from "../../documents/amendments.ts";
import type { DocumentReader } from "../../documents/documents.ts";
import { createDocument, listDocuments, openDocument, updateDocument } from "../../documents/documents.ts";
import type { AuditStore } from "../../store/ports/AuditStore.ts";
import type { NotificationStore } from "../../store/ports/NotificationStore.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import type { VersionStore } from "../../store/ports/VersionStore.ts";
import { readBody } from "../body.ts";
import { requireSession, type SessionVariables } from "../session.ts";

/** The documents of the signed-in user. `settingsChanged` tells open rooms to re-read the document's settings. */
export function documentRoutes(
  store: SessionStore &
    DocumentReader &
    AuditStore &
    Pick<VersionStore, "findVersion"> &
    Pick<NotificationStore, "unreadByDocument">,
  settingsChanged: (documentId: string) => void,
) {
  // The session check is scoped to /documents: unscoped, it ran for every /api path
  // mounted after this router and answered 401 where the catch-all should answer 404.
  return (
    new Hono<{ Variables: SessionVariables }>()
      .use("/documents/*", requireSession(store))
      .get("/documents", async (c) => c.json(await listDocuments(store, c.get("user"))))
      .post("/documents", async (c) => {
        const input = await readBody(c, CreateDocumentRequest);
        return c.json(await createDocument(store, c.get("user"), input), 201);
      })
      .get("/documents/:id", async (c) => c.json(await openDocument(store, c.req.param("id"), c.get("user").id)))
      .patch("/documents/:id", async (c) => {
        const change = await readBody(c, UpdateDocumentRequest);
        const updated = await updateDocument(store, c.req.param("id"), c.get("user").id, change);
        if (change.crossPartyAcceptance !== undefined) settingsChanged(updated.id);
        return c.json(updated);
      })
      // A Nachtrag of a final agreement (issue 15): no body, everything comes from the signed version.
      .post("/documents/:id/amendments", async (c) =>
        c.json(await startAmendment(store, c.req.param("id"), c.get("user")), 201),
      )
  );
}
