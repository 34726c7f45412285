import { z } from "zod";
import { Member, MemberCandidate, type PutMemberRequest } from "../../../shared/api/schemas.ts";
import { request, requestNoContent } from "./client.ts";

const MemberList = z.array(Member);
const path = (documentId: string) => `/documents/${encodeURIComponent(documentId)}/members`;

/** The members of a document with their roles (any member may read them). */
export const listMembers = (documentId: string): Promise<Member[]> => request("GET", path(documentId), MemberList);

/** Whom an owner may add: active users of the document's party organisations, not yet members. */
export const listCandidates = (documentId: string): Promise<MemberCandidate[]> =>
  request("GET", `/documents/${encodeURIComponent(documentId)}/candidates`, z.array(MemberCandidate));

/** Adds a candidate or changes a member's role (owners only); answers the new list. */
export const putMember = (documentId: string, input: PutMemberRequest): Promise<Member[]> =>
  request("PUT", path(documentId), MemberList, input);

/** Removes a member (owners only); the last owner cannot be removed (`last_owner`). */
export const removeMember = (documentId: string, userId: string): Promise<void> =>
  requestNoContent("DELETE", `${path(documentId)}/${encodeURIComponent(userId)}`);
