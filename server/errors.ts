import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode } from "../shared/api/errorCodes.ts";

/** The one error type of the HTTP layer; `onError` turns it into `{ code, message }`. */
export class AppError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string) => new AppError(400, "bad_request", message);
export const invalidJson = () => new AppError(400, "invalid_json", "request body is not valid JSON");
export const unauthorized = () => new AppError(401, "unauthorized", "not signed in");
export const invalidCredentials = () => new AppError(401, "invalid_credentials", "e-mail or password is wrong");
export const accountDeactivated = () => new AppError(403, "account_deactivated", "this account is deactivated");
/** The right password of a member of an organisation that signs in only through single sign-on. */
export const passwordSignInDisabled = () =>
  new AppError(403, "password_sign_in_disabled", "your organisation signs in through single sign-on only");
export const forbidden = (message = "not allowed") => new AppError(403, "forbidden", message);
export const notFound = (what: string) => new AppError(404, "not_found", `${what} not found`);
export const payloadTooLarge = () => new AppError(413, "payload_too_large", "request body too large");
/** An uploaded archive that inflates past the limits (entries or bytes): refused before it fills memory. */
export const archiveTooLarge = (message: string) => new AppError(413, "archive_too_large", message);
/** An uploaded archive that cannot be read: truncated, corrupt, duplicate entries, broken XML. */
export const archiveInvalid = (message: string) => new AppError(422, "archive_invalid", message);
/** A unique value (an organisation's id or domain) is taken: nothing was written. */
export const conflict = (message: string) => new AppError(409, "conflict", message);
export const lastOwner = () =>
  new AppError(409, "last_owner", "a document keeps at least one owner: add another owner first");
export const milestonePending = () =>
  new AppError(409, "milestone_pending", "a milestone is awaiting approval; decide it first");
export const noMilestoneLeft = () =>
  new AppError(409, "no_milestone_left", "every milestone of this document is reached");
export const openItems = (suggestions: number, threads: number) =>
  new AppError(
    409,
    "open_items",
    `${suggestions} open suggestion(s) and ${threads} open comment thread(s); resolve them or freeze with them`,
  );
/** Checks that block the milestone fail (e.g. sections not settled by both parties) and no override reason was given. */
export const checksFailing = (count: number) =>
  new AppError(
    409,
    "checks_failing",
    `${count} check(s) block this milestone (e.g. sections not settled by both parties); fix them or give an override reason`,
  );
/** The document's last milestone is reached: it is read-only for good; changes go into an amendment. */
export const documentFinal = () =>
  new AppError(409, "document_final", "this document is final (its last milestone is reached); start an amendment");
/** An amendment can only be started from a final agreement. */
export const notFinal = () => new AppError(409, "not_final", "only a final (signed) agreement can be amended");
export const alreadyDecided = () => new AppError(409, "already_decided", "your organisation has already decided");
/** Four eyes: the person who requested this milestone cannot approve it for their own organisation. */
export const fourEyes = () =>
  new AppError(
    403,
    "four_eyes",
    "you requested this milestone: another person of your organisation must approve it (you may reject it)",
  );
/** A chosen signatory who cannot sign for the approving organisation (unknown, inactive, elsewhere, no authority). */
export const invalidSignatory = (message: string) => new AppError(422, "invalid_signatory", message);
export const notPending = () => new AppError(409, "not_pending", "this version is not awaiting approval");
/** Content nested deeper than the policy stores (MAX_ELEMENT_DEPTH), from before the rule: it cannot be read whole. */
export const documentTooDeep = (maxDepth: number) =>
  new AppError(
    422,
    "document_too_deep",
    `the document nests elements deeper than ${maxDepth} levels; flatten it first`,
  );
export const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError(429, "too_many_attempts", `too many failed sign-ins; try again in ${retryAfterSeconds} s`);
/** Too much verification work at once (public, so bounded): try again shortly. */
export const serverBusy = (retryAfterSeconds: number) =>
  new AppError(503, "server_busy", `the server is busy checking other files; try again in ${retryAfterSeconds} s`);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError(429, "too_many_requests", `too many requests from your address; try again in ${retryAfterSeconds} s`);
/** A password a person chose that is too short, common or their own e-mail or name. */
export const weakPassword = (message: string) => new AppError(422, "weak_password", message);
/** An invitation to an address that already has an account (said to administrators only). */
export const accountExists = () => new AppError(409, "account_exists", "this e-mail address already has an account");
/** The change would leave the instance without an active administrator. */
export const lastAdministrator = () =>
  new AppError(409, "last_admin", "the instance keeps at least one active administrator: name another one first");
