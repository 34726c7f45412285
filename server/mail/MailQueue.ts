import type { Logger } from "../log.ts";
import type { Mailer, MailMessage } from "./Mailer.ts";

/**
 * Hands messages to the mailer, either awaited (`deliver`: the caller reports the outcome) or
 * in the background (`post`: the answer must not wait for, or reveal, whether a message was
 * sent, as for reset requests). Failures of posted messages are logged without their text,
 * which holds links.
 */
export class MailQueue {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    readonly mailer: Mailer,
    private readonly log: Logger,
  ) {}

  /** True when messages reach mailboxes (SMTP); false for the local outbox. */
  get delivers(): boolean {
    return this.mailer.delivers;
  }

  deliver(message: MailMessage): Promise<void> {
    return this.mailer.send(message);
  }

  /** Sends `message` once `prepare` resolves to it (null: nothing to send), without waiting. */
  post(prepare: () => Promise<MailMessage | null>): void {
    const job = prepare()
      .then((message) => (message ? this.mailer.send(message) : undefined))
      .catch((err: unknown) =>
        this.log.error("mail not sent", { error: err instanceof Error ? err.message : String(err) }),
      )
      .finally(() => this.pending.delete(job));
    this.pending.add(job);
  }

  /** Settles when every posted message has been handled (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  async close(): Promise<void> {
    await this.settled();
    await this.mailer.close();
  }
}
