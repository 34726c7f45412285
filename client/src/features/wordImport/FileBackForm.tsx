import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { FileBackResponse, type VersionSummary } from "../../../../shared/api/schemas.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { ImportReportView } from "./ImportReportView.tsx";
import { uploadDocx } from "./uploadDocx.ts";

/**
 * "Word-Datei zurückführen" (`file-back`): a Word file edited outside Accord from the export
 * of a version (`file-back-version`, `file-back-file`, `file-back-submit`) comes back as the
 * user's suggestions and comments; then what came in (`file-back-result`) and the report.
 * Offered to roles that may suggest while no milestone locks the document; the server
 * checks both again.
 */
export function FileBackForm({ documentId, versions }: { documentId: string; versions: readonly VersionSummary[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [versionId, setVersionId] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<FileBackResponse | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file || !versionId) return;
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const path = `/documents/${encodeURIComponent(documentId)}/import?against=${encodeURIComponent(versionId)}`;
      setResult(await uploadDocx(path, file, FileBackResponse, setProgress));
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };

  if (!open) {
    return (
      <p>
        <button type="button" className="link-button" onClick={() => setOpen(true)} data-testid="file-back">
          {t("fileBack.action")}
        </button>
      </p>
    );
  }
  return (
    <form className="file-back" onSubmit={submit} aria-labelledby="file-back-heading">
      <h3 id="file-back-heading">{t("fileBack.heading")}</h3>
      <p className="muted">{t("fileBack.intro")}</p>
      {versions.length === 0 ? (
        <p className="muted">{t("fileBack.noVersions")}</p>
      ) : (
        <>
          <label className="field">
            <span className="field__label">{t("fileBack.version")}</span>
            <select
              value={versionId}
              required
              onChange={(e) => setVersionId(e.target.value)}
              data-testid="file-back-version"
            >
              <option value="">{t("fileBack.chooseVersion")}</option>
              {[...versions].reverse().map((v) => (
                <option key={v.id} value={v.id}>
                  {t("fileBack.versionOption", { seq: v.seq, label: v.milestoneLabel })}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field__label">{t("wordImport.file")}</span>
            <input
              type="file"
              required
              accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="file-back-file"
            />
          </label>
          <button
            type="submit"
            className="button button--primary"
            disabled={progress !== null || !file || !versionId}
            data-testid="file-back-submit"
          >
            {t("fileBack.submit")}
          </button>
        </>
      )}
      {progress !== null && (
        <p className="muted" role="status">
          <progress max={1} value={progress} />{" "}
          {progress < 1 ? t("wordImport.uploading", { percent: Math.round(progress * 100) }) : t("wordImport.reading")}
        </p>
      )}
      {error !== null && (
        <p className="alert alert--error" role="alert" data-testid="file-back-error">
          {errorMessage(t, error)}
        </p>
      )}
      {result && (
        <div data-testid="file-back-result">
          <p className="alert alert--success" role="status">
            {t("fileBack.suggestions", { count: result.suggestions })}{" "}
            {t("fileBack.threads", { count: result.threads })}
          </p>
          <ImportReportView report={result.report} />
        </div>
      )}
    </form>
  );
}
