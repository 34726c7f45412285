/**
 * Formatters by locale and style: building an Intl.DateTimeFormat costs far more than
 * formatting with one, and a panel with hundreds of cards formats a time on each.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${language}|${options.dateStyle}|${options.timeStyle ?? ""}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(`${language}-CH`, options);
    formatters.set(key, format);
  }
  return format;
}

/** A timestamp in the UI language's Swiss format, e.g. "28.11.2025, 17:43"; unparseable input as is. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(language, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A day in the UI language's Swiss format, e.g. "02.05.2024"; unparseable input as is. */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return formatter(language, { dateStyle: "medium" }).format(date);
}
