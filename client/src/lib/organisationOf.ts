import type { Organisation } from "../../../shared/api/schemas.ts";

/** Colour of organisations the server did not describe (e.g. a former member's). */
export const NEUTRAL_COLOUR = "#5f6b7a";

/** How an organisation the server did not describe is shown: by its id, in the neutral colour. */
export const unknownOrganisation = (orgId: string): Organisation => ({
  id: orgId,
  kind: "other",
  name: { de: orgId, fr: orgId, it: orgId },
  shortName: orgId,
  colour: NEUTRAL_COLOUR,
});

/**
 * Looks organisations up in the lists the server sent (the first that names an id wins,
 * so a document's own party looks come before the directory); unknown ids are shown as themselves.
 */
export function organisationOf(...lists: readonly (readonly Organisation[])[]): (orgId: string) => Organisation {
  const byId = new Map<string, Organisation>();
  for (const list of lists) for (const o of list) if (!byId.has(o.id)) byId.set(o.id, o);
  return (orgId) => byId.get(orgId) ?? unknownOrganisation(orgId);
}

/**
 * The organisation's name in the UI language: German, French or Italian as the table has
 * them; an English UI shows the German name (Swiss bodies have no official English names).
 */
export function organisationName(org: Pick<Organisation, "name">, language: string): string {
  const lang = language.slice(0, 2);
  return lang === "fr" ? org.name.fr : lang === "it" ? org.name.it : org.name.de;
}
