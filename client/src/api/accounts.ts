import { z } from "zod";
import {
  type AcceptInvitationRequest,
  type AccountLanguage,
  type PasswordChangeRequest,
  PublicInvitation,
} from "../../../shared/api/accountSchemas.ts";
import { User } from "../../../shared/api/schemas.ts";
import { request, requestNoContent } from "./client.ts";

const SignedIn = z.object({ user: User });
const tokenPath = (token: string) => encodeURIComponent(token);

/** What an invitation link offers (public); `not_found` for any link that cannot be used. */
export const fetchInvitation = (token: string): Promise<PublicInvitation> =>
  request("GET", `/invitations/${tokenPath(token)}`, PublicInvitation);

/** Accepts an invitation: the account is created and signed in. */
export const acceptInvitation = async (token: string, body: AcceptInvitationRequest) =>
  (await request("POST", `/invitations/${tokenPath(token)}/accept`, SignedIn, body)).user;

/** Asks for a reset link; the server answers the same whatever the address. */
export const requestReset = (email: string): Promise<void> => requestNoContent("POST", "/auth/reset", { email });

/** Sets a new password with a reset link; signs in. */
export const resetPassword = async (token: string, password: string) =>
  (await request("POST", `/auth/reset/${tokenPath(token)}`, SignedIn, { password })).user;

/** Changes the signed-in user's password; their other sessions end. */
export const changePassword = (body: PasswordChangeRequest): Promise<void> =>
  requestNoContent("POST", "/auth/password", body);

/** Sets the signed-in user's language (UI and e-mail). */
export const setAccountLanguage = (language: AccountLanguage) => request("PATCH", "/me", User, { language });
