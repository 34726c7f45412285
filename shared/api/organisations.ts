import { z } from "zod";
import { OneLineText } from "./fieldText.ts";

/** Organisations and document parties as the REST API carries them (GET /api/organisations, the admin routes). */

export const ORGANISATION_KINDS = ["federal", "canton", "commune", "other"] as const;
export const OrganisationKind = z.enum(ORGANISATION_KINDS);
export type OrganisationKind = z.infer<typeof OrganisationKind>;

/** The roles a document's parties hold; milestone templates name these, never an organisation. */
export const PARTY_ROLES = ["canton", "federal"] as const;
export const PartyRole = z.enum(PARTY_ROLES);
export type PartyRole = z.infer<typeof PartyRole>;

/** An organisation id: a lower-case slug (`kanton-be`), as it appears in suggestion ids and URLs. */
export const OrganisationId = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "must be a lower-case slug (a-z, 0-9, -), at most 64 characters");

/** A name shown in lists, caret labels and every export: one line, bounded. */
const Name = (max: number) => z.string().trim().min(1).max(max).pipe(OneLineText);

export const OrganisationNames = z.object({ de: Name(200), fr: Name(200), it: Name(200) }).strict();
export type OrganisationNames = z.infer<typeof OrganisationNames>;

/** `#rrggbb`, stored in lower case. Used in inline styles: nothing that could smuggle other CSS. */
export const Colour = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, "must be #rrggbb")
  .transform((c) => c.toLowerCase());

/** An e-mail domain that maps sign-ins to an organisation: a lower-case hostname with a dot. */
export const EmailDomain = z
  .string()
  .max(253)
  .regex(
    /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    "must be a lower-case host name such as be.ch",
  );

/** An organisation as every signed-in user sees it (GET /api/organisations). */
export const Organisation = z.object({
  id: z.string(),
  kind: OrganisationKind,
  name: z.object({ de: z.string(), fr: z.string(), it: z.string() }),
  shortName: z.string(),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
});
export type Organisation = z.infer<typeof Organisation>;

/** An organisation with the settings only administrators see (the admin routes answer this). */
export const AdminOrganisation = Organisation.extend({
  domains: z.array(z.string()),
  active: z.boolean(),
  ssoProvisioning: z.boolean(),
  passwordSignIn: z.boolean(),
});
export type AdminOrganisation = z.infer<typeof AdminOrganisation>;

const Domains = z
  .array(EmailDomain)
  .max(20)
  .refine((ds) => new Set(ds).size === ds.length, "domains must not repeat");

/** POST /api/admin/organisations (instance administrators). */
export const CreateOrganisationRequest = z
  .object({
    id: OrganisationId,
    kind: OrganisationKind,
    name: OrganisationNames,
    shortName: Name(40),
    colour: Colour,
    domains: Domains.default([]),
    active: z.boolean().default(true),
    ssoProvisioning: z.boolean().default(false),
    passwordSignIn: z.boolean().default(true),
  })
  .strict();
export type CreateOrganisationRequest = z.infer<typeof CreateOrganisationRequest>;

/** PATCH /api/admin/organisations/:id (instance administrators): any of these; names one language at a time. */
export const UpdateOrganisationRequest = z
  .object({
    kind: OrganisationKind.optional(),
    name: z
      .object({ de: Name(200), fr: Name(200), it: Name(200) })
      .partial()
      .strict()
      .optional(),
    shortName: Name(40).optional(),
    colour: Colour.optional(),
    domains: Domains.optional(),
    active: z.boolean().optional(),
    ssoProvisioning: z.boolean().optional(),
    passwordSignIn: z.boolean().optional(),
  })
  .strict()
  .refine((r) => Object.values(r).some((v) => v !== undefined), "nothing to change");
export type UpdateOrganisationRequest = z.infer<typeof UpdateOrganisationRequest>;

/** One party of a document: the organisation, the role its milestone templates name, and how it is shown. */
export const DocumentParty = z.object({ orgId: z.string(), role: PartyRole, organisation: Organisation });
export type DocumentParty = z.infer<typeof DocumentParty>;
