import { useTranslation } from "react-i18next";
import type { User } from "../../../../shared/api/schemas.ts";
import { fetchDocument } from "../../api/documents.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { useOrganisations } from "../../lib/Organisations.tsx";
import { organisationName } from "../../lib/organisationOf.ts";
import { navigate } from "../../routing/route.ts";
import { ImportWordForm } from "../wordImport/index.ts";
import { byProgramme } from "./byProgramme.ts";
import { CreateDocumentForm } from "./CreateDocumentForm.tsx";
import { DocumentTable } from "./DocumentTable.tsx";
import { useDocumentList } from "./useDocumentList.ts";

/**
 * The user's documents and the form to create one. Staff of a federal organisation, who work
 * with many cantons, see them grouped by programme (`doc-group` with `data-canton`); canton
 * staff see theirs in one list (`document-list`).
 */
export function DocumentListPage({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const { state, add } = useDocumentList();
  const { look } = useOrganisations();
  const grouped = look(user.orgId).kind === "federal";
  const nameOf = (org: Parameters<typeof organisationName>[0]) => organisationName(org, i18n.language);

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
      {state.status === "loaded" && state.documents.length > 0 && !grouped && (
        <DocumentTable documents={state.documents} testId="document-list" />
      )}
      {state.status === "loaded" && state.documents.length > 0 && grouped && (
        <div data-testid="document-list">
          {byProgramme(state.documents, nameOf).map(({ canton, documents }) => (
            <section
              key={canton?.id ?? ""}
              className="doc-group"
              data-testid="doc-group"
              data-canton={canton?.id ?? ""}
            >
              <h2 className="doc-group__title">
                {canton ? t("parties.group", { canton: nameOf(canton) }) : t("parties.noCanton")}
              </h2>
              <DocumentTable documents={documents} />
            </section>
          ))}
        </div>
      )}
      <CreateDocumentForm
        user={user}
        onCreated={(created) => {
          // A new document is made to be written in: it opens at once.
          add(created);
          navigate({ page: "document", documentId: created.id });
        }}
      />
      <ImportWordForm user={user} onImported={(id) => void fetchDocument(id).then(add, () => undefined)} />
    </main>
  );
}
