import { z } from "zod";
import {
  DirectoryEntry,
  InvitationCreated,
  type InvitationRequest,
  InvitationSummary,
  OutboxMessage,
  type UserAdminChange,
} from "../../../shared/api/accountSchemas.ts";
import { AdminOrganisation } from "../../../shared/api/organisations.ts";
import { request, requestNoContent } from "./client.ts";

export type { AdminOrganisation };

/** What creating or changing an organisation sends. */
export interface OrganisationInput {
  id?: string;
  kind?: AdminOrganisation["kind"];
  name?: Partial<AdminOrganisation["name"]>;
  shortName?: string;
  colour?: string;
  domains?: string[];
  active?: boolean;
  ssoProvisioning?: boolean;
  passwordSignIn?: boolean;
}

const q = encodeURIComponent;

export const listAdminOrganisations = () => request("GET", "/admin/organisations", z.array(AdminOrganisation));
export const createOrganisation = (input: OrganisationInput) =>
  request("POST", "/admin/organisations", AdminOrganisation, input);
export const updateOrganisation = (id: string, change: OrganisationInput) =>
  request("PATCH", `/admin/organisations/${q(id)}`, AdminOrganisation, change);

export const listPeople = (orgId: string) => request("GET", `/admin/users?orgId=${q(orgId)}`, z.array(DirectoryEntry));
export const changePerson = (id: string, change: UserAdminChange) =>
  request("PATCH", `/admin/users/${q(id)}`, DirectoryEntry, change);

export const invite = (body: InvitationRequest) => request("POST", "/invitations", InvitationCreated, body);
export const listInvitations = (orgId: string) =>
  request("GET", `/invitations?orgId=${q(orgId)}`, z.array(InvitationSummary));
export const revokeInvitation = (id: string) => requestNoContent("DELETE", `/invitations/${q(id)}`);

export const readOutbox = (orgId?: string) =>
  request("GET", orgId ? `/admin/outbox?orgId=${q(orgId)}` : "/admin/outbox", z.array(OutboxMessage));
