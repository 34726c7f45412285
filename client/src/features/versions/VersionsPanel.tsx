import type { JSONContent } from "@tiptap/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { VersionSummary } from "../../../../shared/api/schemas.ts";
import { documentExportUrl, restoreVersion } from "../../api/versions.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { ConfirmDialog } from "../../lib/ConfirmDialog.tsx";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { canSuggest } from "../suggestions/index.ts";
import { FileBackForm } from "../wordImport/index.ts";
import { CompareActions } from "./CompareActions.tsx";
import { EXPORT_FORMATS, ExportButton, ExportProgress } from "./ExportButtons.tsx";
import { MilestoneRequest } from "./MilestoneRequest.tsx";
import { useDownload } from "./useDownload.ts";
import { useVersions } from "./useVersions.ts";
import { useVersionView } from "./useVersionView.ts";
import { VersionCard } from "./VersionCard.tsx";
import { VersionViewer } from "./VersionViewer.tsx";

/**
 * The milestone path and the frozen versions (`versions-panel`): request the next milestone
 * (owners), the versions newest first, each on its card, exports of the current text, and
 * the read-only viewer. `current` gives the current text, for comparing versions with it.
 * `target`: a notification led here (a milestone's), to that version if given.
 */
export function VersionsPanel({
  current,
  target = null,
}: {
  current?: (() => JSONContent) | undefined;
  target?: { versionId: string | null } | null;
}) {
  const { t } = useTranslation();
  const { doc, refresh } = useDocument();
  const section = useRef<HTMLElement>(null);
  useEffect(() => {
    if (target) section.current?.scrollIntoView({ block: "start" });
  }, [target]);
  const { versions, error, reload } = useVersions(
    doc.id,
    `${doc.lock?.versionId}|${doc.nextMilestone?.id}`,
    doc.lock !== null,
  );
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<VersionSummary | null>(null);
  const failed = (err: unknown) => setNotice(errorMessage(t, err));
  const { progress, download } = useDownload(failed);
  const { view, open, compareWith, close } = useVersionView(versions, current, failed);
  const downloads = { downloading: progress !== null, onDownload: download };

  // The document's state changed (lock, next milestone): reload the versions and the summary.
  const changed = () => {
    reload();
    refresh();
  };

  // The poll saw the locking milestone settled, but the summary still holds the lock: the
  // connection's renewal that says so was missed (it came while reconnecting). Read it again.
  const lockId = doc.lock?.versionId;
  const settled = versions?.some((v) => v.id === lockId && v.status !== "pending") ?? false;
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per settled lock, not per render of refresh
  useEffect(() => {
    if (settled) refresh();
  }, [settled, lockId]);

  const restore = (v: VersionSummary) => {
    setRestoring(null);
    restoreVersion(v.id).then(() => setNotice(t("versions.restored")), failed);
  };

  return (
    <section ref={section} className="panel versions" data-testid="versions-panel" aria-labelledby="versions-title">
      <ConfirmDialog
        open={restoring !== null}
        title={t("editing.restoreTitle")}
        message={t("versions.restoreConfirm")}
        confirmLabel={t("editing.restoreAction")}
        onConfirm={() => restoring && restore(restoring)}
        onCancel={() => setRestoring(null)}
        testId="restore-confirm"
      />
      <h2 id="versions-title" className="panel__title">
        {t("versions.title")}
      </h2>
      {/* While locked, the lock banner above the text says so (once) and the pending card shows it. */}
      {!doc.lock && doc.role === "owner" && <MilestoneRequest doc={doc} onRequested={changed} />}
      {notice && (
        <p className="alert alert--info" role="status" data-testid="versions-notice">
          {notice}
        </p>
      )}
      {error !== null && <p className="alert alert--error">{errorMessage(t, error)}</p>}
      <p className="versions__exports">
        {t("versions.exportCurrent")}:{" "}
        {EXPORT_FORMATS.filter((f) => f !== "zip").map((f) => (
          <ExportButton
            key={f}
            url={documentExportUrl(doc.id, f)}
            label={f.toUpperCase()}
            testId={`export-current-${f}`}
            busy={downloads.downloading}
            onDownload={download}
          />
        ))}
      </p>
      {progress && <ExportProgress progress={progress} />}
      {!doc.lock && canSuggest(doc.role) && versions && <FileBackForm documentId={doc.id} versions={versions} />}
      {versions?.length === 0 && <p className="muted">{t("versions.empty")}</p>}
      <ol className="versions__list" reversed>
        {[...(versions ?? [])].reverse().map((v) => (
          <VersionCard
            key={v.id}
            version={v}
            onDecided={changed}
            onOpen={() => open(v)}
            onCompare={current ? () => compareWith(v, "current") : undefined}
            onRestore={() => setRestoring(v)}
            targeted={target?.versionId === v.id}
            {...downloads}
          />
        ))}
      </ol>
      {view && (
        <VersionViewer
          title={view.title}
          content={view.content}
          {...(view.changes ? { changes: view.changes } : {})}
          onClose={close}
          actions={
            view.compare && (
              <CompareActions
                documentId={doc.id}
                compare={view.compare}
                versions={versions ?? []}
                onCompare={compareWith}
                {...downloads}
              />
            )
          }
        />
      )}
    </section>
  );
}
