import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { CloseCode, closeReason } from "../shared/protocol/closeCodes.ts";
import { LiveSessions } from "./accounts/LiveSessions.ts";
import type { Config } from "./config.ts";
import { createApp } from "./http/app.ts";
import { attachCollabSocket } from "./http/collabSocket.ts";
import { requestDeadlines } from "./http/requestDeadlines.ts";
import { opsRoutes, ServerMetrics } from "./http/routes/ops.ts";
import type { Logger } from "./log.ts";
import { MailQueue } from "./mail/MailQueue.ts";
import { openMailer } from "./mail/openMailer.ts";
import { MailDigest } from "./notifications/MailDigest.ts";
import { Notifications } from "./notifications/Notifications.ts";
import { reportEdits } from "./notifications/reportEdits.ts";
import { LocalPubSub, type PubSub } from "./pubsub/PubSub.ts";
import { RedisPubSub } from "./pubsub/RedisPubSub.ts";
import { resetSettledOnEdit } from "./sections/resetOnEdit.ts";
import { seedDemo } from "./seed/demo.ts";
import { openStore } from "./store/openStore.ts";
import type { Store } from "./store/Store.ts";
import { GroupCommit } from "./sync/GroupCommit.ts";
import { RoomRegistry } from "./sync/RoomRegistry.ts";
import { warmUpColdLoad } from "./sync/warmUp.ts";
import { documentFlags } from "./versions/milestones.ts";
import { verifyAll } from "./versions/verify.ts";

/** A running Accord server. */
export interface AccordServer {
  port: number;
  url: string;
  store: Store;
  rooms: RoomRegistry;
  /** The sessions of open sockets: ending one closes them (see `deactivateAccount`). */
  sessions: LiveSessions;
  /** Where mail goes; `settled()` waits for messages sent in the background. */
  mail: MailQueue;
  /** Notification mail: `wake` it when a user has new notifications about a document. */
  mailDigest: MailDigest;
  /** Decides who is notified of what and records it in the inbox; `settled()` waits for events in flight. */
  notifications: Notifications;
  /** True when this start filled an empty store with the demo data. */
  seeded: boolean;
  /** Stops accepting, closes connections with "server restarting", flushes and closes the store. */
  close(): Promise<void>;
}

/** Checks every version chain at start-up; a mismatch is logged loudly, never repaired. */
async function reportChainProblems(store: Store, log: Logger): Promise<void> {
  const problems = await verifyAll(store);
  for (const p of problems) log.error("version chain problem", { ...p });
  if (problems.length === 0) log.debug("version chains intact");
}

/** Wires store, sync engine and HTTP app together and listens. */
export async function startServer(config: Config, log: Logger): Promise<AccordServer> {
  const store = await openStore(config);
  const seeded = await seedDemo(store, config.demoPassword);
  const pubsub: PubSub = config.redisUrl
    ? new RedisPubSub(config.redisUrl, config.redisPrefix, log)
    : new LocalPubSub();
  let metrics: ServerMetrics | null = null;
  const commit = new GroupCommit(store, log, (updates, ms) => metrics?.committed(updates, ms));
  const mail = new MailQueue(openMailer(config, store), log);
  log.info("mail", { via: mail.mailer.description });
  const mailDigest = new MailDigest({ store, mail, config, log });
  const notifications = new Notifications({ store, log, mailWake: mailDigest });
  const rooms = new RoomRegistry({
    updates: store,
    ports: {
      roleOf: (documentId, userId) => store.roleOf(documentId, userId),
      documentFlags: (documentId) => documentFlags(store, documentId),
      appendAudit: (entry) => store.appendAudit(entry),
      refused: () => metrics?.refused.inc(),
    },
    commit,
    log,
    idleMs: config.roomIdleMs,
    compactThreshold: config.compactThreshold,
    handshakeTimeoutMs: config.handshakeTimeoutMs,
    pubsub,
    gapCheckMs: config.gapCheckMs,
    observers: [resetSettledOnEdit, reportEdits(notifications)],
  });
  metrics = new ServerMetrics(rooms);
  const sessions = new LiveSessions({ store, pubsub, log, checkMs: config.sessionCheckMs });
  let ready = true;
  await reportChainProblems(store, log);
  const app = createApp({
    store,
    config,
    log,
    accessChanged: (documentId, userId) => rooms.accessChanged(documentId, userId),
    sessions,
    mail,
    settingsChanged: (documentId) => void rooms.refreshSettings(documentId),
    live: rooms,
    notifications,
    ops: opsRoutes({
      store,
      pubsub,
      metrics,
      ready: () => ready,
      metricsToken: config.metricsToken,
      trustedProxies: config.trustedProxies,
    }),
  });

  warmUpColdLoad();
  const server = await new Promise<Server>((resolve) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: config.port,
        hostname: config.host,
        serverOptions: requestDeadlines(config.handshakeTimeoutMs),
      },
      () => resolve(s as Server),
    );
  });
  const collab = attachCollabSocket(server, {
    store,
    rooms,
    sessions,
    log,
    maxMessageBytes: config.maxMessageBytes,
    allowedOrigins: config.allowedOrigins,
    maxConnectionsPerUser: config.maxConnectionsPerUser,
    maxConnectionsPerAddress: config.maxConnectionsPerAddress,
    trustedProxies: config.trustedProxies,
  });
  const port = (server.address() as AddressInfo).port;
  mailDigest.start();

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    store,
    rooms,
    sessions,
    mail,
    mailDigest,
    notifications,
    seeded,
    close() {
      closing ??= (async () => {
        ready = false;
        server.close();
        sessions.close();
        await rooms.closeAll(CloseCode.ServerRestarting, closeReason[CloseCode.ServerRestarting]);
        collab.close();
        await commit.flush();
        await notifications.settled();
        server.closeAllConnections();
        await pubsub.close();
        await mailDigest.close();
        await mail.close();
        await store.close();
      })();
      return closing;
    },
  };
}
