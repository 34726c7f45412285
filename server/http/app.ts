import { existsSync } from "node:fs";
import path from "node:path";
import { serveStatic } from "@hono/node-server/serve-static";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import type { ErrorBody } from "../../shared/api/schemas.ts";
import type { LiveSessions } from "../accounts/LiveSessions.ts";
import type { Config } from "../config.ts";
import type { AccessChanged } from "../documents/members.ts";
import { AppError, notFound, payloadTooLarge } from "../errors.ts";
import type { Logger } from "../log.ts";
import type { MailQueue } from "../mail/MailQueue.ts";
import type { NotificationEvents } from "../notifications/events.ts";
import { UNSUBSCRIBE_PATH } from "../notifications/unsubscribe.ts";
import type { Store } from "../store/Store.ts";
import type { LiveStates } from "../versions/exports.ts";
import type { LiveDocuments } from "../versions/milestones.ts";
import type { ServerChanges } from "../versions/restore.ts";
import type { DocxReader } from "../word/importDocument.ts";
import { readDocx as defaultReadDocx } from "../word/reader.ts";
import { csrfProtection } from "./origins.ts";
import { rateLimit } from "./rateLimit.ts";
import { adminRoutes } from "./routes/admin.ts";
import { auditRoutes } from "./routes/audit.ts";
import { authRoutes } from "./routes/auth.ts";
import { documentRoutes } from "./routes/documents.ts";
import { historyRoutes } from "./routes/history.ts";
import { invitationRoutes } from "./routes/invitations.ts";
import { memberRoutes } from "./routes/members.ts";
import { notificationSettingsRoutes } from "./routes/notificationSettings.ts";
import { notificationRoutes } from "./routes/notifications.ts";
import { organisationRoutes } from "./routes/organisations.ts";
import { passwordRoutes } from "./routes/passwords.ts";
import { sectionRoutes } from "./routes/sections.ts";
import { ssoRoutes } from "./routes/sso.ts";
import { versionRoutes } from "./routes/versions.ts";
import { IMPORT_PATH, wordImportRoutes } from "./routes/wordImport.ts";
import { securityHeaders } from "./securityHeaders.ts";

export interface AppDeps {
  store: Store;
  config: Config;
  log: Logger;
  /** Renews a user's open connections to a document after their access changed. */
  accessChanged: AccessChanged;
  /** Closes the open sockets of sessions that ended (logout, password change, deactivation), on every instance. */
  sessions: Pick<LiveSessions, "sessionEnded" | "userSignedOut" | "userDeactivated" | "userReactivated">;
  /** Where invitations and reset links go: SMTP or the local outbox. */
  mail: MailQueue;
  /** Makes open rooms re-read a document's settings after they changed. */
  settingsChanged: (documentId: string) => void;
  /** The live documents, for freezing versions and restoring them. */
  live: LiveDocuments & ServerChanges & LiveStates;
  /** Health, readiness and metrics, outside /api. */
  ops?: Hono;
  /** Reads uploaded Word files (server/word/read unless a test gives another). */
  readDocx?: DocxReader;
  /** Where milestone requests and decisions are reported for notifications (issue 16). */
  notifications?: NotificationEvents;
}

/** The HTTP application: REST API under /api and the built client. No listening here. */
export function createApp({
  store,
  config,
  log,
  accessChanged,
  sessions,
  mail,
  settingsChanged,
  live,
  ops,
  readDocx = defaultReadDocx,
  notifications,
}: AppDeps) {
  const app = new Hono();
  const requestLimit = bodyLimit({ maxSize: config.maxBodyBytes, onError: () => Promise.reject(payloadTooLarge()) });

  app.use(securityHeaders());

  const csrf = csrfProtection(config.allowedOrigins);
  const api = new Hono()
    // The unsubscribe link is authorised by its token alone, never a cookie (routes/notificationSettings.ts).
    .use((c, next) => (c.req.path === UNSUBSCRIBE_PATH ? next() : csrf(c, next)))
    // The public verify endpoint, limited per client address before its upload is read.
    .use("/verify", rateLimit(config.verifyLimit, config.trustedProxies))
    .use((c, next) =>
      // Uploads to verify and Word files to import have their own, larger limits.
      c.req.path === "/api/verify" || IMPORT_PATH.test(c.req.path) ? next() : requestLimit(c, next),
    )
    .route("/", authRoutes(store, config, sessions))
    .route("/", ssoRoutes(store, config, log))
    .route("/", passwordRoutes({ store, mail, sessions, config }, config))
    .route("/", invitationRoutes({ store, mail, config, log }, config))
    .route("/", adminRoutes({ store, sessions }))
    .route("/", wordImportRoutes({ store, live, readDocx }))
    .route("/", documentRoutes(store, settingsChanged))
    .route("/", memberRoutes(store, accessChanged))
    .route("/", notificationRoutes(store))
    .route("/", organisationRoutes(store))
    .route("/", notificationSettingsRoutes(store, config))
    .route("/", auditRoutes(store))
    .route("/", sectionRoutes(store, live))
    .route("/", historyRoutes(store, live))
    .route(
      "/",
      versionRoutes(
        store,
        live,
        config.maxUploadBytes,
        config.verifyZipLimits,
        config.verifyConcurrency,
        notifications,
      ),
    )
    .all("*", () => {
      throw notFound("endpoint");
    });
  app.route("/api", api);
  if (ops) app.route("/", ops);

  const staticRoot = path.relative(process.cwd(), config.staticDir) || ".";
  if (existsSync(path.join(config.staticDir, "index.html"))) {
    app.use("/*", serveStatic({ root: staticRoot }));
    // Client-side routes: every other GET gets the app shell.
    app.get("*", serveStatic({ root: staticRoot, path: "index.html" }));
  } else {
    log.warn("client not built; serving the API only", { staticDir: config.staticDir });
  }

  app.onError((err, c) => {
    if (err instanceof AppError) return c.json<ErrorBody>({ code: err.code, message: err.message }, err.status);
    if (err instanceof HTTPException) {
      return c.json<ErrorBody>({ code: "bad_request", message: err.message }, err.status);
    }
    // Link tokens travel in these paths; they stay out of the log.
    const path = c.req.path.replace(/\/(invitations|reset)\/[^/]+/, "/$1/…");
    log.error("unhandled error", { path, error: err instanceof Error ? err.stack : String(err) });
    return c.json<ErrorBody>({ code: "internal", message: "internal error" }, 500);
  });

  return app;
}
