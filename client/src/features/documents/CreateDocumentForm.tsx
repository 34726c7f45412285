import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { CreatableKind, DocumentSummary, User } from "../../../../shared/api/schemas.ts";
import { createDocument } from "../../api/documents.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { DocumentFields, useCantonChoice } from "../../lib/DocumentFields.tsx";
import { useOrganisations } from "../../lib/Organisations.tsx";

interface CreateDocumentFormProps {
  user: User;
  onCreated: (doc: DocumentSummary) => void;
}

/**
 * Creates a document from a title and a kind (`create-title`, `create-kind`, `create-submit`)
 * with its two parties: federal staff choose the canton (`create-canton`, the active cantons),
 * canton staff get their canton and the federal organisation (`create-parties`, the server's
 * default). The server checks the parties again.
 */
export function CreateDocumentForm({ user, onCreated }: CreateDocumentFormProps) {
  const { t } = useTranslation();
  const { list, look } = useOrganisations();
  const own = look(user.orgId);
  const federal = list.filter((o) => o.kind === "federal");
  const { choosesCanton } = useCantonChoice(user);
  const [canton, setCanton] = useState("");
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<CreatableKind>("concept");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const parties = choosesCanton ? [canton, user.orgId] : undefined;
      const doc = await createDocument({ title: title.trim(), kind, ...(parties ? { parties } : {}) });
      onCreated(doc);
      setCreated(doc.title);
      setTitle("");
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel create-form" onSubmit={submit} aria-labelledby="create-heading">
      <h2 className="panel__title" id="create-heading">
        {t("documents.createHeading")}
      </h2>
      <div className="create-form__fields">
        <DocumentFields
          prefix="create"
          user={user}
          title={title}
          onTitle={setTitle}
          kind={kind}
          onKind={setKind}
          canton={canton}
          onCanton={setCanton}
        />
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || title.trim() === "" || (choosesCanton && canton === "")}
          data-testid="create-submit"
        >
          {busy ? t("documents.creating") : t("documents.createSubmit")}
        </button>
      </div>
      {own.kind === "canton" && federal.length === 1 && federal[0] && (
        <p className="muted" data-testid="create-parties">
          {t("parties.parties", { canton: own.shortName, federal: federal[0].shortName })}
        </p>
      )}
      {error !== null && (
        <p className="alert alert--error" role="alert" data-testid="create-error">
          {errorMessage(t, error)}
        </p>
      )}
      {created !== null && (
        <p className="alert alert--success" role="status">
          {t("documents.created", { title: created })}
        </p>
      )}
    </form>
  );
}
