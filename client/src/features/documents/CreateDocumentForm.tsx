import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { DOCUMENT_KINDS, type DocumentKind, type DocumentSummary } from "../../../../shared/api/schemas.ts";
import { createDocument } from "../../api/documents.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";

/** Creates a document from a title and a kind (`create-title`, `create-kind`, `create-submit`). */
export function CreateDocumentForm({ onCreated }: { onCreated: (doc: DocumentSummary) => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<DocumentKind>("concept");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const doc = await createDocument({ title: title.trim(), kind });
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
        <label className="field field--grow">
          <span className="field__label">{t("documents.createTitle")}</span>
          <input
            type="text"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="create-title"
          />
        </label>
        <label className="field">
          <span className="field__label">{t("documents.createKind")}</span>
          <select
            value={kind}
            onChange={(e) => setKind(DOCUMENT_KINDS.find((k) => k === e.target.value) ?? "concept")}
            data-testid="create-kind"
          >
            {DOCUMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || title.trim() === ""}
          data-testid="create-submit"
        >
          {busy ? t("documents.creating") : t("documents.createSubmit")}
        </button>
      </div>
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
