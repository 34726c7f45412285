/** Stable error codes of the REST API; the client maps them to translated messages. */
export const ERROR_CODES = [
  "bad_request",
  "invalid_json",
  "unauthorized",
  "invalid_credentials",
  "account_deactivated",
  "forbidden",
  "not_found",
  "payload_too_large",
  "archive_too_large",
  "archive_invalid",
  "last_owner",
  "too_many_attempts",
  "too_many_requests",
  "server_busy",
  "milestone_pending",
  "no_milestone_left",
  "open_items",
  "already_decided",
  "not_pending",
  "internal",
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
