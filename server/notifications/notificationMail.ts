import { NOTIFICATION_MAIL, type NotificationLine } from "../mail/catalogue.ts";
import { escapeHtml } from "../mail/escapeHtml.ts";
import type { Language } from "../store/ports/AccountStore.ts";

/** One entry of the digest: what happened, and the link to where it happened. */
export interface DigestItem {
  line: NotificationLine;
  link: string;
}

export interface DigestValues {
  name: string;
  documentTitle: string;
  items: readonly DigestItem[];
  unsubscribeUrl: string;
  windowMinutes: number;
}

/** Excerpts are bounded by whoever records them; a mail bounds them again to stay short. */
const EXCERPT_CHARS = 300;
const clip = (text: string): string => (text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS - 1)}…` : text);

/** The excerpt shown beneath an entry; a rejection's reason is in its sentence already. */
const quoteOf = (line: NotificationLine): string | null =>
  line.kind === "milestone_rejected" || line.excerpt.trim() === "" ? null : clip(line.excerpt);

/**
 * The digest of one document's notifications for one recipient, as plain text and HTML.
 * Every value (names, the title, excerpts) may have been typed by someone: escaped in HTML.
 */
export function composeDigest(language: Language, v: DigestValues): { subject: string; text: string; html: string } {
  const t = NOTIFICATION_MAIL[language];
  const lines = v.items.map((item) => ({
    ...item,
    sentence: t.line({ ...item.line, excerpt: clip(item.line.excerpt) }),
    quote: quoteOf(item.line),
  }));
  const text = [
    `${t.greeting(v.name)},`,
    "",
    t.intro(v.documentTitle),
    "",
    ...lines.flatMap((l) => [`- ${l.sentence}`, ...(l.quote ? [`  «${l.quote}»`] : []), `  ${t.open}: ${l.link}`, ""]),
    t.batching(v.windowMinutes),
    `${t.unsubscribe}: ${v.unsubscribeUrl}`,
    "",
    "Accord",
  ].join("\n");
  const subject = t.subject(v.documentTitle, v.items.length);
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    `<p>${escapeHtml(t.greeting(v.name))},</p>`,
    `<p>${escapeHtml(t.intro(v.documentTitle))}</p>`,
    "<ul>",
    ...lines.map(
      (l) =>
        `<li><p>${escapeHtml(l.sentence)}</p>${l.quote ? `<blockquote>${escapeHtml(l.quote)}</blockquote>` : ""}<p><a href="${escapeHtml(l.link)}">${escapeHtml(t.open)}</a></p></li>`,
    ),
    "</ul>",
    `<p>${escapeHtml(t.batching(v.windowMinutes))}</p>`,
    `<p><a href="${escapeHtml(v.unsubscribeUrl)}">${escapeHtml(t.unsubscribe)}</a></p>`,
    "<p>Accord</p></body></html>",
  ].join("\n");
  return { subject, text, html };
}
