import { useTranslation } from "react-i18next";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { hrefOf } from "../../routing/route.ts";
import { CreateDocumentForm } from "./CreateDocumentForm.tsx";
import { useDocumentList } from "./useDocumentList.ts";

/** The user's documents with kind and role, and the form to create one. Links: `doc-link-<id>`. */
export function DocumentListPage() {
  const { t, i18n } = useTranslation();
  const { state, add } = useDocumentList();

  return (
    <main className="page">
      <h1>{t("documents.heading")}</h1>
      {state.status === "loading" && <p className="muted">{t("app.loading")}</p>}
      {state.status === "failed" && (
        <p className="alert alert--error" role="alert">
          {errorMessage(t, state.error)}
        </p>
      )}
      {state.status === "loaded" && state.documents.length === 0 && <p className="muted">{t("documents.empty")}</p>}
      {state.status === "loaded" && state.documents.length > 0 && (
        <table className="doc-table" data-testid="document-list">
          <thead>
            <tr>
              <th scope="col">{t("documents.title")}</th>
              <th scope="col">{t("documents.kind")}</th>
              <th scope="col">{t("documents.role")}</th>
              <th scope="col">{t("documents.updated")}</th>
            </tr>
          </thead>
          <tbody>
            {state.documents.map((doc) => (
              <tr key={doc.id} data-testid={`doc-row-${doc.id}`}>
                <td>
                  <a href={hrefOf({ page: "document", documentId: doc.id })} data-testid={`doc-link-${doc.id}`}>
                    {doc.title}
                  </a>
                </td>
                <td data-testid="doc-kind">{t(`kinds.${doc.kind}`)}</td>
                <td data-testid="doc-role">{t(`roles.${doc.role}`)}</td>
                <td>
                  <time dateTime={doc.updatedAt}>{formatDateTime(doc.updatedAt, i18n.language)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateDocumentForm onCreated={add} />
    </main>
  );
}
