import { ERROR_CODES, type ErrorCode } from "../../../shared/api/errorCodes.ts";

/** Error codes the client can meet: the server's, plus `network` when no answer arrived at all. */
export type ClientErrorCode = ErrorCode | "network";

/** A failed API call, carrying the server's stable error code (translated in the UI, never shown raw). */
export class ApiError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Narrows a code from the wire to a known one; unknown codes count as `internal`. */
export const toErrorCode = (code: string): ErrorCode =>
  (ERROR_CODES as readonly string[]).includes(code) ? (code as ErrorCode) : "internal";

/** True when `err` is an ApiError with the given code. */
export const isApiError = (err: unknown, code?: ClientErrorCode): err is ApiError =>
  err instanceof ApiError && (code === undefined || err.code === code);
