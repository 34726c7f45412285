import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentSummary } from "../../../../shared/api/schemas.ts";
import { canEditContent } from "../../../../shared/roles.ts";
import { renameDocument } from "../../api/documents.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";

/**
 * The document's title (`document-title`). Owners and editors click it to rename inline
 * (`document-title-input`): Enter or leaving the field saves, Escape cancels.
 */
export function DocumentTitle({ doc, onRenamed }: { doc: DocumentSummary; onRenamed: (doc: DocumentSummary) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  // A final document keeps the title it was signed under.
  if (!canEditContent(doc.role) || doc.final) {
    return (
      <h1 className="doc-title" data-testid="document-title">
        {doc.title}
      </h1>
    );
  }

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (draft === null || saving) return;
    const title = draft.trim();
    if (title === "" || title === doc.title) {
      setDraft(null);
      return;
    }
    setSaving(true);
    try {
      onRenamed(await renameDocument(doc.id, title));
      setDraft(null);
      setError(null);
    } catch (err) {
      setError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="doc-title-wrap">
      {draft === null ? (
        <h1 className="doc-title">
          <button
            type="button"
            className="doc-title__button"
            title={t("document.renameHint")}
            onClick={() => setDraft(doc.title)}
            data-testid="document-title"
          >
            {doc.title}
          </button>
        </h1>
      ) : (
        <form onSubmit={save} className="doc-title__form">
          <input
            className="doc-title__input"
            aria-label={t("document.rename")}
            value={draft}
            maxLength={200}
            disabled={saving}
            // biome-ignore lint/a11y/noAutofocus: the user just asked to edit this very field.
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onBlur={() => void save()}
            onKeyDown={(e) => {
              if (e.key === "Escape") {
                setDraft(null);
                setError(null);
              }
            }}
            data-testid="document-title-input"
          />
        </form>
      )}
      {error !== null && (
        <p className="alert alert--error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
    </div>
  );
}
