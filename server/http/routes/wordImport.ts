import type { Context, Next } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { DOCX_CONTENT_TYPE, FileBackQuery, ImportDocumentQuery } from "../../../shared/api/schemas.ts";
import { badRequest, payloadTooLarge, serverBusy } from "../../errors.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import { verifyGate } from "../../verify/verifyGate.ts";
import { type FileBackDeps, fileBack } from "../../word/fileBack.ts";
import { importDocument } from "../../word/importDocument.ts";
import { unsupportedMediaType } from "../../word/importErrors.ts";
import { readQuery } from "../body.ts";
import { requireSession, type SessionVariables } from "../session.ts";

/** The largest Word file the import routes take (413 above, refused from Content-Length before it is read). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/** Imports read at once (each may inflate a file to the reader's bounds), and how many may wait. */
const IMPORT_GATE = { running: 2, queued: 8 };
const BUSY_RETRY_SECONDS = 5;

/** Paths of the import routes, which have their own body limit instead of the REST one. */
export const IMPORT_PATH = /^\/api\/documents\/(?:[A-Za-z0-9_-]{1,64}\/)?import$/;

/** Refuses anything but a DOCX by its content type, before a byte of the body is read. */
async function docxOnly(c: Context, next: Next) {
  const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
  if (type !== DOCX_CONTENT_TYPE) throw unsupportedMediaType();
  await next();
}

/**
 * A place among the imports being read before the body is read: what waits holds no upload
 * in memory, and past the queue the answer is 503 with Retry-After (as verification does).
 */
function oneAtATime(gate: ReturnType<typeof verifyGate>) {
  return async (c: Context, next: Next) => {
    const entered = gate.enter();
    if (!entered) {
      c.header("Retry-After", String(BUSY_RETRY_SECONDS));
      throw serverBusy(BUSY_RETRY_SECONDS);
    }
    const release = await entered;
    try {
      await next();
    } finally {
      release();
    }
  };
}

async function fileOf(c: Context): Promise<Uint8Array> {
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0) throw badRequest("send the Word file as the request body");
  return bytes;
}

/**
 * Word import: `POST /documents/import` creates a document from a Word file;
 * `POST /documents/:id/import?against=VERSION` takes back a file edited outside Accord as
 * the user's suggestions. Both take the raw DOCX body, at most `maxBytes`.
 */
export function wordImportRoutes(deps: FileBackDeps & { store: SessionStore }, maxBytes = MAX_IMPORT_BYTES) {
  const limit = bodyLimit({ maxSize: maxBytes, onError: () => Promise.reject(payloadTooLarge()) });
  const gate = oneAtATime(verifyGate(IMPORT_GATE));
  return new Hono<{ Variables: SessionVariables }>()
    .post("/documents/import", requireSession(deps.store), docxOnly, limit, gate, async (c) => {
      const query = readQuery(c, ImportDocumentQuery);
      const { document, report } = await importDocument(deps, c.get("user"), query, await fileOf(c));
      return c.json({ id: document.id, report }, 201);
    })
    .post("/documents/:id/import", requireSession(deps.store), docxOnly, limit, gate, async (c) => {
      const { against } = readQuery(c, FileBackQuery);
      return c.json(await fileBack(deps, c.get("user"), c.req.param("id"), against, await fileOf(c)));
    });
}
