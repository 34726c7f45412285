import type { Config } from "../config.ts";
import type { Logger } from "../log.ts";
import type { MailQueue } from "../mail/MailQueue.ts";
import type { AccountStore, NameLookup } from "../store/ports/AccountStore.ts";
import type { DocumentStore } from "../store/ports/DocumentStore.ts";
import type { NotificationMailStore } from "../store/ports/NotificationMailStore.ts";
import type { NotificationRow } from "../store/ports/NotificationStore.ts";
import { digestItems } from "./digestLines.ts";
import type { MailWake } from "./events.ts";
import { composeDigest } from "./notificationMail.ts";
import { issueUnsubscribeToken, unsubscribeUrl } from "./unsubscribe.ts";

export interface MailDigestDeps {
  store: NotificationMailStore &
    NameLookup &
    Pick<AccountStore, "findUserById"> &
    Pick<DocumentStore, "findDocument" | "roleOf">;
  mail: Pick<MailQueue, "deliver">;
  config: Pick<Config, "publicUrl" | "notifyMail">;
  log: Logger;
  now?: () => Date;
}

/** Pairs looked at per sweep; the rest wait for the next one. */
const SWEEP_BATCH = 500;

const keyOf = (userId: string, documentId: string) => JSON.stringify([userId, documentId]);
const at = (iso: string) => Date.parse(iso);

/**
 * Notification mail, batched: at most one mail per user and document per window, listing
 * every notification not mailed yet. A first notification waits `delayMs` for others of its
 * burst; later ones wait for the window to end. Timers send on time; a sweep at start and
 * every `sweepMs` sends what a restart lost. The store's `recordMail` claims each mail, so
 * two instances never both send it: a mail is claimed, then sent (a failed send is logged
 * and not retried, rather than risking a second copy).
 */
export class MailDigest implements MailWake {
  private readonly timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  /** The running check of each pair: checks of one pair take turns. */
  private readonly running = new Map<string, Promise<void>>();
  private sweeper: NodeJS.Timeout | null = null;
  private closed = false;
  private readonly now: () => Date;

  constructor(private readonly deps: MailDigestDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Sends what is due from before the start, and keeps sweeping. */
  start(): void {
    this.track("sweep", () => this.sweep());
    this.sweeper = setInterval(() => this.track("sweep", () => this.sweep()), this.deps.config.notifyMail.sweepMs);
    this.sweeper.unref();
  }

  wake(userId: string, documentId: string): void {
    this.track(keyOf(userId, documentId), () => this.check(userId, documentId));
  }

  /** Settles when no check runs (tests, shutdown); timers for later mail may remain. */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.sweeper) clearInterval(this.sweeper);
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    await this.settled();
  }

  /** Runs `work` after the pair's running check; never throws. */
  private track(key: string, work: () => Promise<void>): void {
    if (this.closed) return;
    const before = this.running.get(key) ?? Promise.resolve();
    const job: Promise<void> = before
      .then(work)
      .catch((err: unknown) =>
        // Without the message's text: it holds links and the unsubscribe token.
        this.deps.log.error("notification mail failed", { error: err instanceof Error ? err.message : String(err) }),
      )
      .finally(() => {
        if (this.running.get(key) === job) this.running.delete(key);
      });
    this.running.set(key, job);
  }

  private async sweep(): Promise<void> {
    for (const { userId, documentId } of await this.deps.store.pendingMail(SWEEP_BATCH)) {
      this.wake(userId, documentId);
    }
  }

  /** Checks again at `dueAt` (the earliest of what was asked for the pair). */
  private schedule(userId: string, documentId: string, dueAt: number): void {
    if (this.closed) return;
    const key = keyOf(userId, documentId);
    const existing = this.timers.get(key);
    if (existing && existing.at <= dueAt) return;
    if (existing) clearTimeout(existing.timer);
    const timer = setTimeout(
      () => {
        this.timers.delete(key);
        this.wake(userId, documentId);
      },
      Math.max(0, dueAt - this.now().getTime()),
    );
    timer.unref();
    this.timers.set(key, { at: dueAt, timer });
  }

  private async check(userId: string, documentId: string): Promise<void> {
    const { store, config } = this.deps;
    const { windowMs, delayMs } = config.notifyMail;
    // A lost claim means another instance mailed just now: look once more, to schedule the rest.
    for (let attempt = 0; attempt < 2; attempt++) {
      const rows = await store.unmailedNotifications(userId, documentId);
      if (rows.length === 0) return;
      const last = await store.lastMailAt(userId, documentId);
      const oldest = Math.min(...rows.map((r) => at(r.updatedAt)));
      const dueAt = Math.max(oldest + delayMs, last ? at(last) + windowMs : 0);
      const now = this.now();
      if (dueAt > now.getTime()) return this.schedule(userId, documentId, dueAt);
      const mailable = await this.mailable(userId, documentId, rows);
      const skipped = rows.filter((r) => !mailable.includes(r)).map((r) => r.id);
      if (skipped.length > 0) await store.markMailed(userId, skipped, now);
      if (mailable.length === 0) return;
      const claimed = await store.recordMail(
        userId,
        documentId,
        mailable.map((r) => r.id),
        last,
        now,
      );
      if (claimed) return this.send(userId, documentId, mailable, now);
    }
  }

  /**
   * What of the rows goes out by mail: nothing to an account deactivated or no longer a
   * member, nor with mail off; no muted kind; nothing the user has read in Accord already.
   */
  private async mailable(userId: string, documentId: string, rows: NotificationRow[]): Promise<NotificationRow[]> {
    const { store } = this.deps;
    const user = await store.findUserById(userId);
    if (!user || user.deactivatedAt !== null || (await store.roleOf(documentId, userId)) === null) return [];
    const settings = await store.notificationSettings(userId);
    if (!settings.email) return [];
    return rows.filter((r) => r.readAt === null && !settings.mutedKinds.includes(r.kind));
  }

  private async send(userId: string, documentId: string, rows: NotificationRow[], now: Date): Promise<void> {
    const { store, config, mail } = this.deps;
    const [user, document] = await Promise.all([store.findUserById(userId), store.findDocument(documentId)]);
    if (!user || !document) return;
    const token = await issueUnsubscribeToken(store, user.id, now);
    const unsubscribe = unsubscribeUrl(config.publicUrl, token);
    const message = composeDigest(user.language, {
      name: user.name,
      documentTitle: document.title,
      items: await digestItems(store, config.publicUrl, document, rows),
      unsubscribeUrl: unsubscribe,
      windowMinutes: Math.max(1, Math.round(config.notifyMail.windowMs / 60_000)),
    });
    await mail.deliver({
      ...message,
      to: user.email,
      orgId: user.orgId,
      userId: user.id,
      kind: "notification",
      // RFC 8058: mail clients offer "unsubscribe" and POST "List-Unsubscribe=One-Click" to the URL.
      headers: { "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
    });
  }
}
