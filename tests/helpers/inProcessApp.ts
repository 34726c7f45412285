import { parseConfig } from "../../server/config.ts";
import { createApp } from "../../server/http/app.ts";
import { createLogger } from "../../server/log.ts";
import { MailQueue } from "../../server/mail/MailQueue.ts";
import { openMailer } from "../../server/mail/openMailer.ts";
import { seedDemo } from "../../server/seed/demo.ts";
import { openStore } from "../../server/store/openStore.ts";
import type { Store } from "../../server/store/Store.ts";
import type { Fetcher } from "./api.ts";
import { cleanup } from "./cleanup.ts";
import { tempDataDir, testEnv } from "./server.ts";

/** The REST app without a port: requests go straight to `app.request`, no socket, no sync engine. */
export interface InProcessApp {
  request: Fetcher;
  /**
   * What the app told the sync side, in order: `access <document> <user>`, `settings <document>`,
   * `session-ended`, `signed-out <user> <kept session or none>`, `deactivated <user>`, `reactivated <user>`.
   */
  notices: string[];
  /** The app's store, for setting up what no route makes (users of other organisations, administrators). */
  store: Store;
  /** The app's mail (the local outbox unless SMTP_URL is given); `settled()` waits for background mail. */
  mail: MailQueue;
}

/** Live documents are the sync engine's; an in-process app has none, so routes that need them say so. */
const noLiveDocuments = (what: string) => () =>
  Promise.reject(new Error(`${what} needs live documents: use startTestServer for this test`));

/**
 * The Hono app of `server/http/app.ts` over a fresh SQLite store with the demo data, as
 * `startServer` builds it minus the listening server and the rooms. For REST tests that need
 * no WebSocket; milestones, restores and draft exports need the rooms (`startTestServer`).
 */
export async function inProcessApp(env: Record<string, string> = {}): Promise<InProcessApp> {
  const config = parseConfig(testEnv(tempDataDir(), { STATIC_DIR: "no-client", ...env }));
  const log = createLogger(config.logLevel);
  const store = await openStore(config);
  cleanup(() => store.close());
  await seedDemo(store, config.demoPassword);
  const notices: string[] = [];
  const mail = new MailQueue(openMailer(config, store), log);
  cleanup(() => mail.close());
  const app = createApp({
    store,
    config,
    log,
    accessChanged: (documentId, userId) => notices.push(`access ${documentId} ${userId}`),
    sessions: {
      sessionEnded: () => notices.push("session-ended"),
      userSignedOut: (userId, keep) => notices.push(`signed-out ${userId} ${keep === null ? "none" : "kept"}`),
      userDeactivated: (userId) => notices.push(`deactivated ${userId}`),
      userReactivated: (userId) => notices.push(`reactivated ${userId}`),
    },
    mail,
    settingsChanged: (documentId) => notices.push(`settings ${documentId}`),
    live: {
      withLockedDocument: noLiveDocuments("a milestone"),
      refreshSettings: noLiveDocuments("refreshing a room"),
      applyServerChange: noLiveDocuments("a restore"),
      currentState: noLiveDocuments("the current text"),
    },
  });
  return { request: async (url, init) => app.request(url, init), notices, store, mail };
}
