import type { TFunction } from "i18next";
import { ApiError } from "../api/ApiError.ts";

/** The translated message for any error thrown by an API call. */
export function errorMessage(t: TFunction, err: unknown): string {
  return err instanceof ApiError ? t(`errors.${err.code}`) : t("errors.internal");
}
