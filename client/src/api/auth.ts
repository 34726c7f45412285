import { z } from "zod";
import { type LoginRequest, Organisation, User } from "../../../shared/api/schemas.ts";
import { request, requestNoContent } from "./client.ts";

const LoginResponse = z.object({ user: User });

/** Signs in; the server sets the HttpOnly session cookie. Throws ApiError `invalid_credentials`. */
export const login = async (credentials: LoginRequest): Promise<User> =>
  (await request("POST", "/auth/login", LoginResponse, credentials)).user;

/** Ends the session and clears the cookie. */
export const logout = (): Promise<void> => requestNoContent("POST", "/auth/logout");

/** The signed-in user; throws ApiError `unauthorized` without a session. */
export const fetchMe = (): Promise<User> => request("GET", "/me", User);

/** How the signed-in user's organisation is shown: name, short name, colour. */
export const fetchMyOrganisation = (): Promise<Organisation> => request("GET", "/me/organisation", Organisation);
