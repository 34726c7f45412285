import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { cleanup } from "./cleanup.ts";

/** A message the test SMTP server received, parsed by mailparser. */
export interface Delivered {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  /** The SMTP user it was sent as. */
  user: string | undefined;
  /** Header lines as sent, by lower-case name (unfolded). */
  headers: Record<string, string>;
}

/** A real SMTP server (smtp-server) on 127.0.0.1 that takes every message and keeps it, parsed; closed after the file. */
export async function startSmtpServer(credentials = { user: "accord", pass: "s3cret-smtp-pass" }) {
  const received: Delivered[] = [];
  const server = new SMTPServer({
    // No TLS on the loopback interface; authentication over plain text is allowed here only.
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === credentials.user && auth.password === credentials.pass) {
        callback(null, { user: auth.username });
      } else callback(new Error("invalid credentials"));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail: ParsedMail) => {
          received.push({
            to: [mail.to]
              .flat()
              .map((a) => a?.text ?? "")
              .join(", "),
            from: mail.from?.text ?? "",
            subject: mail.subject ?? "",
            text: mail.text ?? "",
            html: typeof mail.html === "string" ? mail.html : "",
            user: typeof session.user === "string" ? session.user : undefined,
            headers: Object.fromEntries(
              mail.headerLines.map((h) => [
                h.key,
                h.line
                  .slice(h.line.indexOf(":") + 1)
                  .replace(/\r?\n/g, "")
                  .trim(),
              ]),
            ),
          });
          // Answered only once the message is kept: a sender that saw 250 finds it here.
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanup(() => new Promise<void>((resolve) => server.close(() => resolve())));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://${credentials.user}:${credentials.pass}@127.0.0.1:${port}`,
    credentials,
  };
}
