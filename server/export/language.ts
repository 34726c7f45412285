/** The language every export states when the document names none: Swiss German. */
export const DEFAULT_LANGUAGE = "de-CH";

// A BCP 47 tag as exports print it (<html lang>, the PDF's /Lang): letters, digits and
// hyphens only, so a forged value cannot close the attribute or the PDF string it sits in.
const TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/;

/** The document's language when it is a well-formed language tag, otherwise de-CH. */
export const exportLanguage = (lang: string | null | undefined): string =>
  typeof lang === "string" && TAG.test(lang) ? lang : DEFAULT_LANGUAGE;
