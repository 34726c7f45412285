import type { Language } from "../store/ports/AccountStore.ts";
import { type LetterKind, LOCALES, MAIL_CATALOGUE, type MessageText, type MessageValues } from "./catalogue.ts";
import { escapeHtml } from "./escapeHtml.ts";

/** A time as the recipient reads it: their language, Swiss time. */
export const formatMailTime = (at: Date, language: Language): string =>
  new Intl.DateTimeFormat(LOCALES[language], {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: "Europe/Zurich",
  }).format(at);

/**
 * A message in the recipient's language as plain text and HTML. In the HTML every value
 * (a name someone typed, an organisation's name) and the link are escaped.
 */
export function composeMail<K extends LetterKind>(
  kind: K,
  language: Language,
  values: MessageValues[K],
  link: string | null,
): { subject: string; text: string; html: string } {
  const write: (v: MessageValues[K]) => MessageText = MAIL_CATALOGUE[language][kind];
  const m = write(values);
  const withLink = link !== null && m.action !== null;
  const text = [
    `${m.greeting},`,
    "",
    ...m.paragraphs.flatMap((p) => [p, ""]),
    ...(withLink ? [`${m.action}:`, link, ""] : []),
    m.footer,
    "",
    "Accord",
  ].join("\n");
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(m.subject)}</title></head><body>`,
    `<p>${escapeHtml(m.greeting)},</p>`,
    ...m.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    withLink ? `<p><a href="${escapeHtml(link)}">${escapeHtml(m.action ?? "")}</a></p>` : "",
    `<p>${escapeHtml(m.footer)}</p>`,
    "<p>Accord</p></body></html>",
  ].join("\n");
  return { subject: m.subject, text, html };
}
