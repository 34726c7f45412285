import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { ApprovalRequest, MilestoneRequest } from "../../../shared/api/schemas.ts";
import type { ZipLimits } from "../../archive/readZip.ts";
import type { DocumentReader } from "../../documents/documents.ts";
import { openDocument } from "../../documents/documents.ts";
import { badRequest, notFound, payloadTooLarge, serverBusy } from "../../errors.ts";
import { EXPORT_FORMATS, REDLINE_FORMATS } from "../../export/index.ts";
import type { NotificationEvents } from "../../notifications/events.ts";
import type { AccountStore, NameLookup } from "../../store/ports/AccountStore.ts";
import type { AttributionStore } from "../../store/ports/AttributionStore.ts";
import type { AuditStore } from "../../store/ports/AuditStore.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import type { VersionStore } from "../../store/ports/VersionStore.ts";
import { RenderedExports } from "../../verify/renderedExports.ts";
import { type GateLimits, verifyGate } from "../../verify/verifyGate.ts";
import { verifyHash, verifyUpload } from "../../verify/verifyRequest.ts";
import { otherApprovers, signatoryCandidates } from "../../versions/colleagues.ts";
import {
  comparisonView,
  type ExportFile,
  exportCurrent,
  exportRedlineOf,
  exportVersion,
  type LiveStates,
} from "../../versions/exports.ts";
import { decide, documentMilestones, type LiveDocuments, requestMilestone } from "../../versions/milestones.ts";
import { restoreVersion, type ServerChanges } from "../../versions/restore.ts";
import { versionDetail, versionSummaries } from "../../versions/summaries.ts";
import { verifyDocument } from "../../versions/verify.ts";
import { readBody, readQuery } from "../body.ts";
import { requireSession, type SessionVariables } from "../session.ts";

/** `?comments=false` leaves the comment threads out of an export (they are in by default). */
const Comments = z
  .enum(["true", "false"])
  .default("true")
  .transform((v) => ({ comments: v === "true" }));
const ExportQuery = z.object({ format: z.enum(EXPORT_FORMATS), comments: Comments }).strict();
const CurrentExportQuery = z.object({ format: z.enum(["docx", "pdf", "html", "md"]), comments: Comments }).strict();
const RedlineQuery = z
  .object({ from: z.string().min(1).max(64), to: z.string().min(1).max(64), format: z.enum(REDLINE_FORMATS) })
  .strict();

/** A file download: its type, a name the browser saves it under, no caching of private content. */
const download = (file: ExportFile) =>
  new Response(file.bytes, {
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.fileName}"`,
      "cache-control": "private, no-store",
    },
  });

/** What a client that found verification busy is told to wait, in seconds. */
const BUSY_RETRY_SECONDS = 5;

const ComparisonQuery = z.object({ from: z.string().min(1).max(64), to: z.string().min(1).max(64) }).strict();

const VerifyByHash = z.object({ hash: z.string().regex(/^[0-9a-fA-F]{64}$/, "a SHA-256 hash in hex") }).strict();

/** What the version routes read and write. */
type VersionRouteStore = SessionStore &
  DocumentReader &
  VersionStore &
  NameLookup &
  AuditStore &
  AttributionStore &
  Pick<AccountStore, "listUsersOf">;

/** People as the colleague lists show them: id and name only. */
const colleagues = (users: readonly { id: string; name: string }[]) => users.map(({ id, name }) => ({ id, name }));

/** A version's state within its document, after checking that `userId` may see the document. */
async function stateOf(store: VersionRouteStore, versionId: string, userId: string) {
  const version = await store.findVersion(versionId);
  if (!version) throw notFound("version");
  await openDocument(store, version.documentId, userId);
  const { states } = await documentMilestones(store, version.documentId);
  const state = states.find((s) => s.version.id === versionId);
  if (!state) throw notFound("version");
  return state;
}

/**
 * Milestones and versions: owners request a milestone (the text is frozen), owners and
 * editors of the required organisations decide, members list, open and restore versions.
 * `POST /verify` is public: whoever holds an exported file or a hash may check it.
 */
export function versionRoutes(
  store: VersionRouteStore,
  live: LiveDocuments & ServerChanges & LiveStates,
  maxUploadBytes: number,
  zipLimits: ZipLimits,
  verifyLimits: GateLimits,
  events?: NotificationEvents,
) {
  const session = requireSession(store);
  const deps = { store, live, events };
  const gate = verifyGate(verifyLimits);
  const rendered = new RenderedExports(store, zipLimits);
  return (
    new Hono<{ Variables: SessionVariables }>()
      .use("/documents/:id/milestones", session)
      .use("/documents/:id/versions", session)
      .use("/documents/:id/chain", session)
      .use("/documents/:id/export", session)
      .use("/documents/:id/redline", session)
      .use("/documents/:id/comparison", session)
      .use("/versions/*", session)
      .post("/documents/:id/milestones", async (c) => {
        const { includeOpen, override } = await readBody(c, MilestoneRequest);
        const version = await requestMilestone(deps, c.req.param("id"), c.get("user").id, { includeOpen, override });
        return c.json(await stateOf(store, version.id, c.get("user").id).then((s) => versionDetail(store, s)), 201);
      })
      .get("/documents/:id/versions", async (c) => {
        await openDocument(store, c.req.param("id"), c.get("user").id);
        const { states } = await documentMilestones(store, c.req.param("id"));
        return c.json(await versionSummaries(store, states));
      })
      .get("/documents/:id/chain", async (c) => {
        await openDocument(store, c.req.param("id"), c.get("user").id);
        const problems = await verifyDocument(store, c.req.param("id"));
        return c.json({ intact: problems.length === 0, problems });
      })
      .get("/versions/:versionId", async (c) =>
        c.json(await versionDetail(store, await stateOf(store, c.req.param("versionId"), c.get("user").id))),
      )
      .post("/versions/:versionId/approvals", async (c) => {
        const input = await readBody(c, ApprovalRequest);
        await decide(deps, c.req.param("versionId"), c.get("user").id, input);
        const state = await stateOf(store, c.req.param("versionId"), c.get("user").id);
        return c.json((await versionSummaries(store, [state]))[0], 201);
      })
      // The caller's organisation's people on this document: who else may approve (under four
      // eyes, everyone but the requester) and who may be named as signatory.
      .get("/versions/:versionId/approvers", async (c) => {
        const { version } = await stateOf(store, c.req.param("versionId"), c.get("user").id);
        const user = c.get("user");
        return c.json(colleagues(await otherApprovers(store, version.documentId, user.orgId, version.frozenBy)));
      })
      .get("/versions/:versionId/signatories", async (c) => {
        const { version } = await stateOf(store, c.req.param("versionId"), c.get("user").id);
        return c.json(colleagues(await signatoryCandidates(store, version.documentId, c.get("user").orgId)));
      })
      .get("/versions/:versionId/export", async (c) => {
        const { format, comments } = readQuery(c, ExportQuery);
        return download(await exportVersion(store, c.req.param("versionId"), c.get("user").id, format, comments));
      })
      .get("/documents/:id/export", async (c) => {
        const { format, comments } = readQuery(c, CurrentExportQuery);
        return download(await exportCurrent(store, live, c.req.param("id"), c.get("user").id, format, comments));
      })
      .get("/documents/:id/comparison", async (c) => {
        const { from, to } = readQuery(c, ComparisonQuery);
        return c.json(await comparisonView(store, live, c.req.param("id"), c.get("user").id, { from, to }));
      })
      .get("/documents/:id/redline", async (c) => {
        const { from, to, format } = readQuery(c, RedlineQuery);
        return download(await exportRedlineOf(store, live, c.req.param("id"), c.get("user").id, { from, to }, format));
      })
      .post("/versions/:versionId/restore", async (c) => {
        await restoreVersion(deps, c.req.param("versionId"), c.get("user").id);
        return c.body(null, 204);
      })
      .post(
        "/verify",
        bodyLimit({ maxSize: maxUploadBytes, onError: () => Promise.reject(payloadTooLarge()) }),
        async (c) => {
          // A place before the upload is read: waiting requests hold no upload in memory.
          const entered = gate.enter();
          if (!entered) {
            c.header("Retry-After", String(BUSY_RETRY_SECONDS));
            throw serverBusy(BUSY_RETRY_SECONDS);
          }
          const release = await entered;
          try {
            if ((c.req.header("content-type") ?? "").startsWith("application/json")) {
              return c.json(await verifyHash(store, (await readBody(c, VerifyByHash)).hash.toLowerCase()));
            }
            const file = new Uint8Array(await c.req.arrayBuffer());
            if (file.byteLength === 0) throw badRequest("send an exported file, or JSON { hash }");
            return c.json(await verifyUpload(store, file, zipLimits, rendered));
          } finally {
            release();
          }
        },
      )
  );
}
