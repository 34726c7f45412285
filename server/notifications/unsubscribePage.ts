import { UNSUBSCRIBE_PAGE } from "../mail/catalogue.ts";
import { escapeHtml } from "../mail/escapeHtml.ts";
import type { Language } from "../store/ports/AccountStore.ts";
import { UNSUBSCRIBE_PATH } from "./unsubscribe.ts";

const LANGUAGES: readonly Language[] = ["de", "fr", "it", "en"];

/** For a page without a known recipient: the first of the browser's languages Accord speaks, else German. */
export function pageLanguage(acceptLanguage: string | undefined): Language {
  for (const part of (acceptLanguage ?? "").split(",")) {
    const code = part.trim().slice(0, 2).toLowerCase();
    const hit = LANGUAGES.find((l) => l === code);
    if (hit) return hit;
  }
  return "de";
}

const page = (language: Language, body: string): string =>
  [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(UNSUBSCRIBE_PAGE[language].title)}</title>`,
    "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}button{font:inherit;padding:.5rem 1rem}</style>",
    `</head><body><main><h1>${escapeHtml(UNSUBSCRIBE_PAGE[language].title)}</h1>${body}</main></body></html>`,
  ].join("");

/**
 * The question behind the link, with one button that POSTs the token: opening the link
 * changes nothing, so the link scanners of mail filters cannot unsubscribe anyone.
 */
export const confirmPage = (language: Language, token: string): string =>
  page(
    language,
    `<p>${escapeHtml(UNSUBSCRIBE_PAGE[language].question)}</p><form method="post" action="${UNSUBSCRIBE_PATH}"><input type="hidden" name="token" value="${escapeHtml(token)}"><button type="submit">${escapeHtml(UNSUBSCRIBE_PAGE[language].button)}</button></form>`,
  );

export const donePage = (language: Language): string =>
  page(language, `<p role="status">${escapeHtml(UNSUBSCRIBE_PAGE[language].done)}</p>`);

export const invalidPage = (language: Language): string =>
  page(language, `<p role="alert">${escapeHtml(UNSUBSCRIBE_PAGE[language].invalid)}</p>`);
