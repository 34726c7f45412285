import nodemailer from "nodemailer";
import type { Mailer, MailMessage } from "./Mailer.ts";

/** Sends mail through an SMTP server (nodemailer), configured by `SMTP_URL` and `MAIL_FROM`. */
export class SmtpMailer implements Mailer {
  readonly delivers = true;
  readonly description: string;
  private readonly transport;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl);
    const url = new URL(smtpUrl);
    // Host and port only: the URL's user and password stay out of every log line.
    this.description = `SMTP via ${url.protocol}//${url.hostname}:${url.port || (url.protocol === "smtps:" ? 465 : 587)} as ${from}`;
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers,
    });
  }

  async close(): Promise<void> {
    this.transport.close();
  }
}
