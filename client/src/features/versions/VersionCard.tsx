import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { VersionSummary } from "../../../../shared/api/schemas.ts";
import { canEditContent } from "../../../../shared/roles.ts";
import { versionExportUrl } from "../../api/versions.ts";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { milestoneName } from "../../lib/milestoneText.ts";
import { ApprovalList } from "./ApprovalList.tsx";
import { DecisionForm } from "./DecisionForm.tsx";
import { EXPORT_FORMATS, ExportButton } from "./ExportButtons.tsx";

interface VersionCardProps {
  version: VersionSummary;
  /** Decided for the user's organisation: reload. */
  onDecided: () => void;
  onOpen: () => void;
  /** Left out when there is no current text to compare with. */
  onCompare?: () => void;
  onRestore: () => void;
  /** True while a download runs. */
  downloading: boolean;
  onDownload: (url: string) => void;
  /** The version a notification leads to: brought into view and marked. */
  targeted?: boolean;
}

/**
 * One frozen version (`version-card`): milestone, status, who froze it, its hash, whose
 * approval it needs, the decisions so far, the decision form for the user's organisation,
 * and open, compare, restore, export.
 */
export function VersionCard({
  version: v,
  onDecided,
  onOpen,
  onCompare,
  onRestore,
  targeted = false,
  ...exports
}: VersionCardProps) {
  const { t, i18n } = useTranslation();
  const card = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (targeted) card.current?.scrollIntoView({ block: "nearest" });
  }, [targeted]);
  const { doc, user, organisation } = useDocument();
  const orgName = (orgId: string) => organisation(orgId).shortName;
  const statusLabel = {
    pending: t("versions.statusPending"),
    reached: t("versions.statusReached"),
    rejected: t("versions.statusRejected"),
  };
  const mayDecide =
    v.status === "pending" &&
    canEditContent(doc.role) &&
    v.requiredOrgs.includes(user.orgId) &&
    !v.approvals.some((a) => a.orgId === user.orgId);

  return (
    <li
      ref={card}
      className={`version${targeted ? " version--target" : ""}`}
      data-testid="version-card"
      data-status={v.status}
      data-version={v.id}
      data-targeted={targeted || undefined}
      aria-current={targeted || undefined}
    >
      <p className="version__head">
        <strong>
          {v.seq}. {milestoneName(t, v.milestone, v.milestoneLabel)}
        </strong>{" "}
        <span className={`badge version__status version__status--${v.status}`} data-testid="version-status">
          {statusLabel[v.status]}
        </span>
      </p>
      <p className="version__meta">
        {t("versions.frozen", { at: formatDateTime(v.frozenAt, i18n.language), name: v.frozenBy.name })}
      </p>
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
        <p className="version__meta">
          {t("versions.openItems", {
            suggestions: t("versions.openSuggestions", { count: v.openItems.suggestions }),
            threads: t("versions.openThreads", { count: v.openItems.threads }),
          })}
        </p>
      )}
      <ApprovalList version={v} />
      {mayDecide && (
        <DecisionForm
          version={v}
          orgName={orgName(user.orgId)}
          ownRequest={v.fourEyes && v.frozenBy.id === user.id}
          onDecided={onDecided}
        />
      )}
      <div className="thread__actions">
        <button type="button" className="link-button" onClick={onOpen} data-testid="version-open">
          {t("versions.open")}
        </button>
        {onCompare && (
          <button type="button" className="link-button" onClick={onCompare} data-testid="version-compare">
            {t("versions.compare")}
          </button>
        )}
        {canEditContent(doc.role) && !doc.lock && (
          <button type="button" className="link-button" onClick={onRestore} data-testid="version-restore">
            {t("versions.restore")}
          </button>
        )}
      </div>
      <p className="versions__exports">
        {t("versions.export")}:{" "}
        {EXPORT_FORMATS.map((f) => (
          <ExportButton
            key={f}
            url={versionExportUrl(v.id, f)}
            label={f.toUpperCase()}
            testId={`export-${f}`}
            busy={exports.downloading}
            onDownload={exports.onDownload}
          />
        ))}
      </p>
    </li>
  );
}
