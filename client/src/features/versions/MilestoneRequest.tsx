import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CheckResult } from "../../../../shared/api/checks.ts";
import type { DocumentSummary } from "../../../../shared/api/schemas.ts";
import { isApiError } from "../../api/ApiError.ts";
import { fetchChecks } from "../../api/sections.ts";
import { requestMilestone } from "../../api/versions.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { milestoneName } from "../../lib/milestoneText.ts";
import { checkText } from "../checks/index.ts";

/** Checks the "freeze anyway" box governs, not the override reason. */
const OPEN_ITEM_CHECKS: ReadonlySet<string> = new Set(["suggestions.open", "threads.open"]);

/**
 * For owners: request the next milestone. A first click explains what happens; the
 * confirmation locks and freezes. With open suggestions or comments the server refuses
 * until the owner ticks "freeze anyway".
 */
export function MilestoneRequest({ doc, onRequested }: { doc: DocumentSummary; onRequested: () => void }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [openItems, setOpenItems] = useState(false);
  const [includeOpen, setIncludeOpen] = useState(false);
  // Checks that block the milestone failed: the owner may still request it, giving a reason.
  const [checksFailing, setChecksFailing] = useState(false);
  const [override, setOverride] = useState("");
  const [failing, setFailing] = useState<CheckResult[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = doc.nextMilestone;
  if (!next) return <p className="muted">{t("versions.allReached")}</p>;

  const confirm = () => {
    setBusy(true);
    requestMilestone(doc.id, includeOpen, override.trim() || undefined).then(
      () => {
        setBusy(false);
        setConfirming(false);
        setOpenItems(false);
        setError(null);
        onRequested();
      },
      (err: unknown) => {
        setBusy(false);
        if (isApiError(err, "open_items")) setOpenItems(true);
        if (isApiError(err, "checks_failing")) {
          setChecksFailing(true);
          // What blocks it, from the same checks the server judged by.
          fetchChecks(doc.id).then(
            (results) => setFailing(results.filter((r) => !r.ok && !OPEN_ITEM_CHECKS.has(r.id))),
            () => setFailing([]),
          );
        }
        setError(errorMessage(t, err));
      },
    );
  };

  if (!confirming) {
    return (
      <button
        type="button"
        className="button button--small"
        data-testid="milestone-request"
        onClick={() => setConfirming(true)}
      >
        {t("versions.request", { label: milestoneName(t, next.id, next.label) })}
      </button>
    );
  }
  return (
    <div className="milestone-request" data-testid="milestone-confirm-box">
      <p>{t("versions.requestExplain")}</p>
      {openItems && (
        <label>
          <input
            type="checkbox"
            checked={includeOpen}
            onChange={(e) => setIncludeOpen(e.target.checked)}
            data-testid="milestone-include-open"
          />{" "}
          {t("versions.includeOpen")}
        </label>
      )}
      {checksFailing && failing.length > 0 && (
        <ul className="checks__list" data-testid="milestone-failing-checks">
          {failing.map((r) => (
            <li key={`${r.id}:${r.where?.id ?? ""}`}>⚠ {checkText(t, r)}</li>
          ))}
        </ul>
      )}
      {checksFailing && (
        <label className="field">
          <span>{t("checks.overrideLabel")}</span>
          <input
            type="text"
            maxLength={500}
            value={override}
            onChange={(e) => setOverride(e.target.value)}
            data-testid="milestone-override"
          />
          <small>{t("checks.overrideHint")}</small>
        </label>
      )}
      {error && (
        <p className="alert alert--error" role="alert" data-testid="milestone-error">
          {error}
        </p>
      )}
      <div className="thread__actions">
        <button
          type="button"
          className="button button--small"
          disabled={busy}
          onClick={confirm}
          data-testid="milestone-confirm"
        >
          {t("versions.confirm")}
        </button>
        <button type="button" className="link-button" onClick={() => setConfirming(false)}>
          {t("versions.cancel")}
        </button>
      </div>
    </div>
  );
}
