import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { Colleague, VersionSummary } from "../../../../shared/api/schemas.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { approvalFieldName, milestoneName } from "../../lib/milestoneText.ts";
import "../../styles/decision.css";

/** A decision about to be sent, as the confirmation shows it. */
export interface PendingDecision {
  decision: "approve" | "reject";
  details: Record<string, string>;
  signatories: readonly Colleague[];
  reason: string;
}

/**
 * The confirmation before a decision is sent (`decision-dialog`): what exactly is approved or
 * rejected — milestone, version, content hash (shortened, the whole one a click away) and the
 * open items frozen with it — and the values the decision records. Escape or Cancel goes back.
 */
export function ConfirmDecision({
  version: v,
  orgName,
  pending,
  busy,
  onConfirm,
  onCancel,
}: {
  version: VersionSummary;
  orgName: string;
  pending: PendingDecision;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Focus starts on Cancel: a stray Enter must not confirm a binding decision.
  useEffect(() => cancelRef.current?.focus(), []);
  const { suggestions, threads } = v.openItems;
  const open =
    suggestions === 0 && threads === 0
      ? t("fourEyes.noOpenItems")
      : [
          suggestions > 0 ? t("fourEyes.openSuggestions", { count: suggestions }) : null,
          threads > 0 ? t("fourEyes.openThreads", { count: threads }) : null,
        ]
          .filter(Boolean)
          .join(", ");
  const recorded = v.fields
    .filter((f) => f.kind !== "signatories" && pending.details[f.key])
    .map((f) => [approvalFieldName(t, f.key, f.label), pending.details[f.key]] as const);

  return (
    <div className="decision-dialog__backdrop">
      <div
        className="decision-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="decision-dialog-title"
        data-testid="decision-dialog"
        data-decision={pending.decision}
        onKeyDown={(e) => {
          if (e.key === "Escape") onCancel();
        }}
      >
        <h2 id="decision-dialog-title" className="decision-dialog__title">
          {t("fourEyes.confirmTitle")}
        </h2>
        <p>
          {t(pending.decision === "approve" ? "fourEyes.confirmApprove" : "fourEyes.confirmReject", { org: orgName })}
        </p>
        <dl className="decision-dialog__facts">
          <dt>{t("fourEyes.milestone")}</dt>
          <dd data-testid="decision-dialog-milestone">{milestoneName(t, v.milestone, v.milestoneLabel)}</dd>
          <dt>{t("fourEyes.version")}</dt>
          <dd data-testid="decision-dialog-version">
            {t("fourEyes.versionValue", {
              seq: v.seq,
              at: formatDateTime(v.frozenAt, i18n.language),
              name: v.frozenBy.name,
            })}
          </dd>
          <dt>{t("fourEyes.hash")}</dt>
          <dd>
            <code title={v.contentHash} data-testid="decision-dialog-hash">
              {v.contentHash.slice(0, 16)}…
            </code>
            <details>
              <summary>{t("fourEyes.showHash")}</summary>
              <code className="decision-dialog__hash" data-testid="decision-dialog-hash-full">
                {v.contentHash}
              </code>
            </details>
          </dd>
          <dt>{t("fourEyes.openItems")}</dt>
          <dd data-testid="decision-dialog-open-items">{open}</dd>
          {recorded.map(([label, value]) => (
            <FactRow key={label} label={label} value={value ?? ""} />
          ))}
          {pending.signatories.length > 0 && (
            <FactRow
              label={t("fourEyes.signatories")}
              value={pending.signatories.map((s) => s.name).join(", ")}
              testId="decision-dialog-signatories"
            />
          )}
          {pending.decision === "reject" && <FactRow label={t("fourEyes.reason")} value={pending.reason} />}
        </dl>
        <div className="thread__actions">
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={onConfirm}
            data-testid="decision-confirm"
          >
            {t("fourEyes.confirmSend")}
          </button>
          <button
            ref={cancelRef}
            type="button"
            className="button button--small button--quiet"
            onClick={onCancel}
            data-testid="decision-cancel"
          >
            {t("fourEyes.cancel")}
          </button>
        </div>
      </div>
    </div>
  );
}

function FactRow({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </>
  );
}
