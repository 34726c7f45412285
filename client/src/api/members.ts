import { z } from "zod";
import { Member, type PutMemberRequest } from "../../../shared/api/schemas.ts";
import { request, requestNoContent } from "./client.ts";

const MemberList = z.array(Member);
const path = (documentId: string) => `/documents/${encodeURIComponent(documentId)}/members`;

/** The members of a document with their roles (any member may read them). */
export const listMembers = (documentId: string): Promise<Member[]> => request("GET", path(documentId), MemberList);

/** Adds a member by e-mail or changes their role (owners only); answers the new list. */
export const putMember = (documentId: string, input: PutMemberRequest): Promise<Member[]> =>
  request("PUT", path(documentId), MemberList, input);

/** Removes a member (owners only); the last owner cannot be removed (`last_owner`). */
export const removeMember = (documentId: string, userId: string): Promise<void> =>
  requestNoContent("DELETE", `${path(documentId)}/${encodeURIComponent(userId)}`);
