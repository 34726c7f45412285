import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentSummary } from "../../../../shared/api/schemas.ts";
import { canEditContent } from "../../../../shared/roles.ts";
import { startAmendment } from "../../api/documents.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { hrefOf, navigate } from "../../routing/route.ts";

/**
 * Under the title: an amendment links back to the agreement it amends (`amends-link`); a
 * final agreement lists its amendments (`amendment-<id>`) and offers owners and editors of a
 * party "Nachtrag beginnen" (`start-amendment`), which opens the new document.
 */
export function AmendmentLinks({ doc }: { doc: DocumentSummary }) {
  const { t } = useTranslation();
  const { user } = useDocument();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const mayStart =
    doc.kind === "agreement" &&
    doc.final !== null &&
    canEditContent(doc.role) &&
    doc.parties.some((p) => p.orgId === user.orgId);
  const start = async () => {
    setBusy(true);
    try {
      const created = await startAmendment(doc.id);
      navigate({ page: "document", documentId: created.id });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  if (!doc.amends && doc.amendments.length === 0 && !mayStart) return null;
  return (
    <div className="doc-header__amendments" data-testid="amendments">
      {doc.amends && (
        <p>
          {t("finalState.amends")}{" "}
          <a href={hrefOf({ page: "document", documentId: doc.amends.documentId })} data-testid="amends-link">
            {doc.amends.title}
          </a>
        </p>
      )}
      {doc.amendments.length > 0 && (
        <p>
          {t("finalState.amendments", { count: doc.amendments.length })}{" "}
          {doc.amendments.map((a, i) => (
            <span key={a.id}>
              {i > 0 && ", "}
              <a href={hrefOf({ page: "document", documentId: a.id })} data-testid={`amendment-${a.id}`}>
                {a.title}
              </a>
            </span>
          ))}
        </p>
      )}
      {mayStart && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void start()}
          data-testid="start-amendment"
        >
          {busy ? t("finalState.starting") : t("finalState.start")}
        </button>
      )}
      {error !== null && (
        <p className="alert alert--error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
    </div>
  );
}
