import type { Logger } from "../log.ts";
import type { MailWake, NotificationEvent, NotificationEvents } from "./events.ts";
import { type NotificationPorts, outcomeOf } from "./outcomes.ts";
import type { Member } from "./recipients.ts";

export interface NotificationsDeps {
  store: NotificationPorts;
  log: Logger;
  /** The mail batching (issue 16, notify-mail), woken for each recipient; without it, the inbox only. */
  mailWake?: MailWake;
  now?: () => Date;
}

/**
 * The notifications service (issue 16): the reporters' events in, the inbox entries out.
 * It decides who is told from the document's current members, roles and parties, records
 * one entry per recipient, and wakes the mail batching for each. `emit` never throws and
 * never waits; the events of one document are handled in order, one after the other.
 */
export class Notifications implements NotificationEvents {
  private readonly chains = new Map<string, Promise<void>>();
  private readonly now: () => Date;

  constructor(private readonly deps: NotificationsDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  emit(event: NotificationEvent): void {
    const { documentId } = event;
    const next = (this.chains.get(documentId) ?? Promise.resolve())
      .then(() => this.handle(event))
      .catch((err: unknown) => {
        // Without the event's text or the error's message: either may quote a comment.
        this.deps.log.error("notification not recorded", {
          kind: event.kind,
          documentId,
          error: err instanceof Error ? err.name : typeof err,
        });
      });
    this.chains.set(documentId, next);
    void next.then(() => {
      if (this.chains.get(documentId) === next) this.chains.delete(documentId);
    });
  }

  /** Resolves once every event emitted so far is handled (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.chains.size > 0) await Promise.all([...this.chains.values()]);
  }

  private async handle(event: NotificationEvent): Promise<void> {
    const members: Member[] = await this.deps.store.listMembers(event.documentId);
    const outcome = await outcomeOf(event, members, this.deps.store);
    if (outcome.audit) await this.deps.store.appendAudit(outcome.audit);
    if (outcome.notifications.length === 0) return;
    await this.deps.store.addNotifications(outcome.notifications, this.now());
    const wake = this.deps.mailWake;
    if (!wake) return;
    for (const userId of new Set(outcome.notifications.map((n) => n.userId))) {
      try {
        wake.wake(userId, event.documentId);
      } catch (err) {
        this.deps.log.error("mail wake failed", { documentId: event.documentId, error: (err as Error).name });
      }
    }
  }
}
