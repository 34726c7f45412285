import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { type CreatableKind, ImportDocumentResponse, type User } from "../../../../shared/api/schemas.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { DocumentFields, useCantonChoice } from "../../lib/DocumentFields.tsx";
import { navigate } from "../../routing/route.ts";
import { ImportReportView } from "./ImportReportView.tsx";
import { uploadDocx } from "./uploadDocx.ts";

/**
 * "Aus Word importieren" on the document list: a DOCX (`import-file`) with a title, kind and
 * (for federal staff) the canton, as the create form asks; progress while uploading
 * (`import-progress`), then the report and `import-open`, which opens the new document.
 */
export function ImportWordForm({ user, onImported }: { user: User; onImported: (documentId: string) => void }) {
  const { t } = useTranslation();
  const { choosesCanton } = useCantonChoice(user);
  const [open, setOpen] = useState(false);
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<CreatableKind>("concept");
  const [canton, setCanton] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<ImportDocumentResponse | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setError(null);
    setResult(null);
    setProgress(0);
    const query = new URLSearchParams({ title: title.trim(), kind });
    if (choosesCanton) query.set("parties", [canton, user.orgId].join(","));
    try {
      const imported = await uploadDocx(`/documents/import?${query}`, file, ImportDocumentResponse, setProgress);
      setResult(imported);
      onImported(imported.id);
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };

  if (!open) {
    return (
      <button type="button" className="button" onClick={() => setOpen(true)} data-testid="import-word">
        {t("wordImport.action")}
      </button>
    );
  }
  return (
    <form className="panel create-form" onSubmit={submit} aria-labelledby="import-heading">
      <h2 className="panel__title" id="import-heading">
        {t("wordImport.heading")}
      </h2>
      <div className="create-form__fields">
        <label className="field">
          <span className="field__label">{t("wordImport.file")}</span>
          <input
            type="file"
            required
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              if (chosen && title === "") setTitle(chosen.name.replace(/\.docx$/i, "").slice(0, 200));
            }}
            data-testid="import-file"
          />
        </label>
        <DocumentFields
          prefix="import"
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
          disabled={progress !== null || !file || title.trim() === "" || (choosesCanton && canton === "")}
          data-testid="import-submit"
        >
          {t("wordImport.submit")}
        </button>
      </div>
      {progress !== null && (
        <p className="muted" role="status" data-testid="import-progress">
          <progress max={1} value={progress} />{" "}
          {progress < 1 ? t("wordImport.uploading", { percent: Math.round(progress * 100) }) : t("wordImport.reading")}
        </p>
      )}
      {error !== null && (
        <p className="alert alert--error" role="alert" data-testid="import-error">
          {errorMessage(t, error)}
        </p>
      )}
      {result && (
        <>
          <ImportReportView report={result.report} />
          <button
            type="button"
            className="button button--primary"
            onClick={() => navigate({ page: "document", documentId: result.id })}
            data-testid="import-open"
          >
            {t("wordImport.open")}
          </button>
        </>
      )}
    </form>
  );
}
