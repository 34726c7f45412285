import type { JSONContent } from "@tiptap/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { DocumentSummary, User, VersionSummary } from "../../../../shared/api/schemas.ts";
import { canEditContent } from "../../../../shared/roles.ts";
import { redlineDoc } from "../../../../shared/versions/redline.ts";
import { documentExportUrl, fetchVersion, redlineUrl, restoreVersion, versionExportUrl } from "../../api/versions.ts";
import { organisationLook } from "../../collab/organisation.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { DecisionForm } from "./DecisionForm.tsx";
import { type DownloadProgress, downloadWithProgress } from "./download.ts";
import { MilestoneRequest } from "./MilestoneRequest.tsx";
import { useVersions } from "./useVersions.ts";
import { VersionViewer } from "./VersionViewer.tsx";

const EXPORT_FORMATS = ["pdf", "docx", "html", "md", "zip"] as const;

const orgName = (orgId: string) => organisationLook(orgId, orgId).shortName;

interface VersionsPanelProps {
  doc: DocumentSummary;
  user: User;
  /** The document's state changed (lock, next milestone): reload the summary. */
  onChanged: () => void;
  /** The current text, for comparing versions with it. */
  current?: () => JSONContent;
}

/**
 * The milestone path and the frozen versions (`versions-panel`): request the next milestone
 * (owners), decide for one's organisation (`decision-form`), open a version read-only,
 * compare it with the current text, restore its text, export it.
 */
export function VersionsPanel({ doc, user, onChanged, current }: VersionsPanelProps) {
  const { t, i18n } = useTranslation();
  const { versions, error, reload } = useVersions(
    doc.id,
    `${doc.lock?.versionId}|${doc.nextMilestone?.id}`,
    doc.lock !== null,
  );
  const [view, setView] = useState<{
    title: string;
    content: JSONContent;
    /** A comparison: from this version to another version's id or "current". */
    compare?: { from: VersionSummary; to: string };
  } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const download = (url: string) => {
    setProgress({ loaded: 0, total: null });
    downloadWithProgress(url, setProgress).then(
      () => setProgress(null),
      (err: unknown) => {
        setProgress(null);
        setNotice(errorMessage(t, err));
      },
    );
  };
  const exportButton = (url: string, label: string, testId: string) => (
    <button
      key={testId}
      type="button"
      className="link-button versions__export"
      data-testid={testId}
      disabled={progress !== null}
      onClick={() => download(url)}
    >
      {label}
    </button>
  );
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const mayDecide = (v: VersionSummary) =>
    v.status === "pending" &&
    canEditContent(doc.role) &&
    v.requiredOrgs.includes(user.orgId) &&
    !v.approvals.some((a) => a.orgId === user.orgId);

  const changed = () => {
    reload();
    onChanged();
  };

  const contentOf = (id: string): Promise<JSONContent> =>
    id === "current" && current ? Promise.resolve(current()) : fetchVersion(id).then((d) => d.content as JSONContent);

  const open = (v: VersionSummary) => {
    contentOf(v.id).then(
      (content) => setView({ title: t("versions.viewTitle", { seq: v.seq, label: v.milestoneLabel }), content }),
      (err: unknown) => setNotice(errorMessage(t, err)),
    );
  };

  /** The changes from `from` to another version or to the current text, as a redline. */
  const compareWith = (from: VersionSummary, to: string) => {
    Promise.all([contentOf(from.id), contentOf(to)]).then(
      ([a, b]) => {
        const target = versions?.find((v) => v.id === to);
        setView({
          title: target
            ? t("versions.compareVersionsTitle", { from: from.seq, to: target.seq })
            : t("versions.compareTitle", { seq: from.seq }),
          content: redlineDoc(a, b),
          compare: { from, to },
        });
      },
      (err: unknown) => setNotice(errorMessage(t, err)),
    );
  };

  const restore = (v: VersionSummary) => {
    if (!window.confirm(t("versions.restoreConfirm"))) return;
    restoreVersion(v.id).then(
      () => setNotice(t("versions.restored")),
      (err: unknown) => setNotice(errorMessage(t, err)),
    );
  };

  const statusLabel = {
    pending: t("versions.statusPending"),
    reached: t("versions.statusReached"),
    rejected: t("versions.statusRejected"),
  };

  return (
    <section className="panel versions" data-testid="versions-panel" aria-labelledby="versions-title">
      <h2 id="versions-title" className="panel__title">
        {t("versions.title")}
      </h2>
      {doc.lock ? (
        <p className="alert alert--info" data-testid="versions-locked">
          {t("versions.locked", { label: doc.lock.label })}
        </p>
      ) : (
        doc.role === "owner" && <MilestoneRequest doc={doc} onRequested={changed} />
      )}
      {notice && (
        <p className="alert alert--info" role="status" data-testid="versions-notice">
          {notice}
        </p>
      )}
      {error !== null && <p className="alert alert--error">{errorMessage(t, error)}</p>}
      <p className="versions__exports">
        {t("versions.exportCurrent")}:{" "}
        {EXPORT_FORMATS.filter((f) => f !== "zip").map((f) =>
          exportButton(documentExportUrl(doc.id, f), f.toUpperCase(), `export-current-${f}`),
        )}
      </p>
      {progress && (
        <p className="muted" role="status" data-testid="export-progress">
          {t("versions.exporting", {
            size: `${Math.round(progress.loaded / 1024)} KB${progress.total ? ` / ${Math.round(progress.total / 1024)} KB` : ""}`,
          })}
        </p>
      )}
      {versions?.length === 0 && <p className="muted">{t("versions.empty")}</p>}
      <ol className="versions__list" reversed>
        {[...(versions ?? [])].reverse().map((v) => (
          <li key={v.id} className="version" data-testid="version-card" data-status={v.status} data-version={v.id}>
            <p className="version__head">
              <strong>
                {v.seq}. {v.milestoneLabel}
              </strong>{" "}
              <span className={`badge version__status version__status--${v.status}`} data-testid="version-status">
                {statusLabel[v.status]}
              </span>
            </p>
            <p className="version__meta">{t("versions.frozen", { at: when(v.frozenAt), name: v.frozenBy.name })}</p>
            <p className="version__meta">
              {t("versions.hash")}:{" "}
              <code title={v.contentHash} data-testid="version-hash">
                {v.contentHash.slice(0, 16)}…
              </code>
            </p>
            {v.status === "pending" && (
              <p className="version__meta">{t("versions.needs", { orgs: v.requiredOrgs.map(orgName).join(", ") })}</p>
            )}
            {(v.openItems.suggestions > 0 || v.openItems.threads > 0) && (
              <p className="version__meta">{t("versions.openItems", v.openItems)}</p>
            )}
            <ul className="version__approvals">
              {v.approvals.map((a) => (
                <li key={a.id} data-testid="version-approval" data-org={a.orgId}>
                  {t(a.decision === "approve" ? "versions.approved" : "versions.rejected", {
                    org: orgName(a.orgId),
                    name: a.userName,
                    at: when(a.at),
                  })}
                  {Object.entries(a.details).map(([k, value]) => (
                    <span key={k} className="version__detail">
                      {" "}
                      · {v.fields.find((f) => f.key === k)?.label ?? k}: {value}
                    </span>
                  ))}
                  {a.reason && <span className="version__detail"> · {a.reason}</span>}
                </li>
              ))}
            </ul>
            {mayDecide(v) && <DecisionForm version={v} orgName={orgName(user.orgId)} onDecided={changed} />}
            <div className="thread__actions">
              <button type="button" className="link-button" onClick={() => open(v)} data-testid="version-open">
                {t("versions.open")}
              </button>
              {current && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => compareWith(v, "current")}
                  data-testid="version-compare"
                >
                  {t("versions.compare")}
                </button>
              )}
              {canEditContent(doc.role) && !doc.lock && (
                <button type="button" className="link-button" onClick={() => restore(v)} data-testid="version-restore">
                  {t("versions.restore")}
                </button>
              )}
            </div>
            <p className="versions__exports">
              {t("versions.export")}:{" "}
              {EXPORT_FORMATS.map((f) => exportButton(versionExportUrl(v.id, f), f.toUpperCase(), `export-${f}`))}
            </p>
          </li>
        ))}
      </ol>
      {view && (
        <VersionViewer
          title={view.title}
          content={view.content}
          onClose={() => setView(null)}
          actions={
            view.compare && (
              <>
                <label>
                  {t("versions.compareWith")}{" "}
                  <select
                    value={view.compare.to}
                    data-testid="compare-target"
                    onChange={(e) => view.compare && compareWith(view.compare.from, e.target.value)}
                  >
                    <option value="current">{t("versions.current")}</option>
                    {(versions ?? [])
                      .filter((v) => v.id !== view.compare?.from.id)
                      .map((v) => (
                        <option key={v.id} value={v.id}>
                          {v.seq}. {v.milestoneLabel}
                        </option>
                      ))}
                  </select>
                </label>
                {exportButton(
                  redlineUrl(doc.id, view.compare.from.id, view.compare.to, "docx"),
                  t("versions.redline"),
                  "redline-docx",
                )}
              </>
            )
          }
        />
      )}
    </section>
  );
}
