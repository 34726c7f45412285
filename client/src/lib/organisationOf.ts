import type { Organisation } from "../../../shared/api/schemas.ts";

/** Colour of organisations the server did not describe (e.g. a former member's). */
export const NEUTRAL_COLOUR = "#5f6b7a";

/** Looks organisations up in the list the server sent; unknown ids are shown as themselves. */
export function organisationOf(organisations: readonly Organisation[]): (orgId: string) => Organisation {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  return (orgId) => byId.get(orgId) ?? { id: orgId, name: orgId, shortName: orgId, colour: NEUTRAL_COLOUR };
}
