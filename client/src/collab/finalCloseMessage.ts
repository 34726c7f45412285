import type { TFunction } from "i18next";
import { CloseCode } from "../../../shared/protocol/closeCodes.ts";

/** The translated explanation for a close code after which the client stopped reconnecting. */
export function finalCloseMessage(t: TFunction, code: number): string {
  switch (code) {
    case CloseCode.Unauthorized:
      return t("document.sessionExpired");
    case CloseCode.Forbidden:
      return t("document.forbidden");
    case CloseCode.DocumentNotFound:
      return t("document.notFound");
    default:
      return t("document.loadFailed");
  }
}
