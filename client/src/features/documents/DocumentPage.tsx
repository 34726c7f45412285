import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { User } from "../../../../shared/api/schemas.ts";
import { isApiError } from "../../api/ApiError.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { hrefOf } from "../../routing/route.ts";
import { LiveDocument } from "./LiveDocument.tsx";
import { useDocumentSummary } from "./useDocumentSummary.ts";

interface DocumentPageProps {
  documentId: string;
  user: User;
  onSessionExpired: () => void;
}

/** Loads a document's summary (refusing early on 403/404), then opens it for live editing. */
export function DocumentPage({ documentId, user, onSessionExpired }: DocumentPageProps) {
  const { t } = useTranslation();
  const { state, replace, reload } = useDocumentSummary(documentId);
  const expired = state.status === "failed" && isApiError(state.error, "unauthorized");

  useEffect(() => {
    if (expired) onSessionExpired();
  }, [expired, onSessionExpired]);

  if (state.status === "loaded") {
    return (
      <LiveDocument
        doc={state.doc}
        user={user}
        onRenamed={replace}
        onSessionExpired={onSessionExpired}
        onAccessLost={reload}
      />
    );
  }
  return (
    <main className="page">
      <a className="back-link" href={hrefOf({ page: "list" })}>
        {t("document.back")}
      </a>
      {state.status === "loading" && <p className="muted">{t("document.loading")}</p>}
      {state.status === "failed" && (
        <p className="alert alert--error" role="alert" data-testid="document-error">
          {isApiError(state.error, "forbidden")
            ? t("document.forbidden")
            : isApiError(state.error, "not_found")
              ? t("document.notFound")
              : errorMessage(t, state.error)}
        </p>
      )}
    </main>
  );
}
