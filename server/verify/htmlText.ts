const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", nbsp: "\u00a0" };

/** The readable text of a line of HTML: tags dropped, the entities the export writes decoded. For display only. */
export const htmlLineText = (line: string): string =>
  line
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? "")
    .trim();

/**
 * A passage of an HTML file as a person reads it: its text, unless the change is only in
 * the markup (an attribute, a tag), which is then shown as it is.
 */
export function readableHtmlPassage(p: { expected: string; found: string }): { expected: string; found: string } {
  const expected = htmlLineText(p.expected);
  const found = htmlLineText(p.found);
  return expected === found ? p : { expected, found };
}
