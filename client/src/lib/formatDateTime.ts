/** A timestamp in the UI language's Swiss format, e.g. "28.11.2025, 17:43"; unparseable input as is. */
export function formatDateTime(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(`${language}-CH`, { dateStyle: "medium", timeStyle: "short" }).format(date);
}

/** A day in the UI language's Swiss format, e.g. "02.05.2024"; unparseable input as is. */
export function formatDate(iso: string, language: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(`${language}-CH`, { dateStyle: "medium" }).format(date);
}
