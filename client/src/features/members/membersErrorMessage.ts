import type { TFunction } from "i18next";
import { isApiError } from "../../api/ApiError.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";

/** What the members panel was doing when a request failed. */
export type MembersAction = "load" | "add" | "change" | "remove";

/** The translated message for a failed members request; "not found" on adding means no candidate (any more). */
export function membersErrorMessage(t: TFunction, err: unknown, action: MembersAction): string {
  if (action === "add" && isApiError(err, "not_found")) return t("parties.notCandidate");
  return errorMessage(t, err);
}
