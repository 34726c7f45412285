import { SignInMethods } from "../../../shared/api/signInMethods.ts";
import { request } from "./client.ts";

/** How one may sign in here (public): passwords, and single sign-on with its button label when it is on. */
export const fetchSignInMethods = (): Promise<SignInMethods> => request("GET", "/auth/methods", SignInMethods);
