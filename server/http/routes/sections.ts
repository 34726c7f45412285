import { Hono } from "hono";
import * as Y from "yjs";
import { z } from "zod";
import { SectionStatus } from "../../../shared/sections/sections.ts";
import { runChecks } from "../../checks/registry.ts";
import type { DocumentReader } from "../../documents/documents.ts";
import { openDocument } from "../../documents/documents.ts";
import { notFound } from "../../errors.ts";
import { setSectionStatus } from "../../sections/setStatus.ts";
import type { AuditStore } from "../../store/ports/AuditStore.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import type { LiveStates } from "../../versions/exports.ts";
import type { ServerChanges } from "../../versions/restore.ts";
import { readBody } from "../body.ts";
import { requireSession, type SessionVariables } from "../session.ts";

const StatusRequest = z.object({ status: SectionStatus }).strict();
/** Section ids are Yjs ids of heading elements: "client:clock". */
const SECTION_ID = /^\d{1,20}:\d{1,20}$/;

/**
 * Negotiation status per section and the document's checks (issue 15, items 5 and 6).
 * `PUT /documents/:id/sections/:sectionId/status` sets the caller's organisation's status;
 * `GET /documents/:id/checks` lists what is still open, for members.
 */
export function sectionRoutes(store: SessionStore & DocumentReader & AuditStore, live: ServerChanges & LiveStates) {
  return new Hono<{ Variables: SessionVariables }>()
    .use("/documents/:id/sections/*", requireSession(store))
    .use("/documents/:id/checks", requireSession(store))
    .put("/documents/:id/sections/:sectionId/status", async (c) => {
      const { status } = await readBody(c, StatusRequest);
      const sectionId = c.req.param("sectionId");
      const user = c.get("user");
      if (!SECTION_ID.test(sectionId)) {
        await openDocument(store, c.req.param("id"), user.id);
        throw notFound("section");
      }
      const entry = await setSectionStatus({ store, live }, c.req.param("id"), user, sectionId, status);
      return c.json({ id: sectionId, statuses: entry });
    })
    .get("/documents/:id/checks", async (c) => {
      const doc = await openDocument(store, c.req.param("id"), c.get("user").id);
      const copy = new Y.Doc();
      try {
        Y.applyUpdate(copy, await live.currentState(doc.id));
        return c.json(runChecks({ kind: doc.kind, parties: doc.parties.map((p) => p.orgId), doc: copy }));
      } finally {
        copy.destroy();
      }
    });
}
