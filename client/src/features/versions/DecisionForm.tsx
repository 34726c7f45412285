import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { VersionSummary } from "../../../../shared/api/schemas.ts";
import { fieldProblemOf } from "../../../../shared/milestones/templates.ts";
import { decideVersion } from "../../api/versions.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { approvalFieldName } from "../../lib/milestoneText.ts";

/** Approve (with what the milestone records, e.g. the RRB number and date) or reject with a reason. */
export function DecisionForm({
  version,
  orgName,
  onDecided,
}: {
  version: VersionSummary;
  orgName: string;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const [details, setDetails] = useState<Record<string, string>>({});
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = (decision: "approve" | "reject") => {
    // The server refuses the same (shared rule); saying it here names the field.
    const problem = decision === "approve" ? fieldProblemOf(version, details) : null;
    if (problem) {
      setError(t(`versions.fieldProblem.${problem.kind}`, { label: approvalFieldName(t, problem.key, problem.label) }));
      return;
    }
    setBusy(true);
    decideVersion(
      version.id,
      decision === "approve" ? { decision, details } : { decision, reason: reason.trim() },
    ).then(
      () => {
        setBusy(false);
        setError(null);
        onDecided();
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorMessage(t, err));
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send("approve");
  };

  return (
    <form className="decision" onSubmit={onSubmit} data-testid="decision-form">
      <p className="decision__title">{t("versions.decideFor", { org: orgName })}</p>
      {version.fields.map((field) => (
        <label key={field.key} className="decision__field">
          {approvalFieldName(t, field.key, field.label)}
          {field.required ? " *" : ""}
          <input
            type={field.kind === "date" ? "date" : "text"}
            required={field.required}
            maxLength={200}
            value={details[field.key] ?? ""}
            data-testid={`decision-${field.key}`}
            onChange={(e) => setDetails({ ...details, [field.key]: e.target.value })}
          />
        </label>
      ))}
      <div className="thread__actions">
        <button type="submit" className="button button--small" disabled={busy} data-testid="decision-approve">
          {t("versions.approve")}
        </button>
      </div>
      <label className="decision__field">
        {t("versions.reason")}
        <textarea
          rows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          data-testid="decision-reason"
        />
      </label>
      <button
        type="button"
        className="button button--small button--quiet"
        disabled={busy || !reason.trim()}
        onClick={() => send("reject")}
        data-testid="decision-reject"
      >
        {t("versions.reject")}
      </button>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
