import type { AdminOrganisation } from "../../api/admin.ts";

/** An organisation's name in the UI language (English and Italian-less languages read German). */
export const organisationName = (org: Pick<AdminOrganisation, "name">, language: string | undefined): string =>
  language === "fr" ? org.name.fr : language === "it" ? org.name.it : org.name.de;
