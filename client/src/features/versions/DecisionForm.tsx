import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Colleague, VersionSummary } from "../../../../shared/api/schemas.ts";
import { fieldProblemOf } from "../../../../shared/milestones/templates.ts";
import { decideVersion, listSignatories } from "../../api/versions.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { approvalFieldName } from "../../lib/milestoneText.ts";
import { ConfirmDecision, type PendingDecision } from "./ConfirmDecision.tsx";
import { FourEyesNotice } from "./FourEyesNotice.tsx";
import { SignatoryPicker } from "./SignatoryPicker.tsx";

/**
 * Approve (with what the milestone records, e.g. the RRB number and date, or the signatories
 * picked from the organisation's people with signing authority) or reject with a reason; each
 * after a confirmation that shows what is decided. `ownRequest`: the user requested this
 * four-eyes milestone, so they may only reject.
 */
export function DecisionForm({
  version,
  orgName,
  ownRequest,
  onDecided,
}: {
  version: VersionSummary;
  orgName: string;
  ownRequest: boolean;
  onDecided: () => void;
}) {
  const { t } = useTranslation();
  const [details, setDetails] = useState<Record<string, string>>({});
  const [chosen, setChosen] = useState<string[]>([]);
  const [candidates, setCandidates] = useState<Colleague[] | null>(null);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const picksSignatories = version.fields.some((f) => f.kind === "signatories");

  useEffect(() => {
    if (!picksSignatories || ownRequest) return;
    let live = true;
    listSignatories(version.id).then(
      (list) => live && setCandidates(list),
      (err: unknown) => live && setError(errorMessage(t, err)),
    );
    return () => {
      live = false;
    };
  }, [version.id, picksSignatories, ownRequest, t]);

  const ask = (decision: "approve" | "reject") => {
    // The server refuses the same (shared rule); saying it here names the field.
    const problem = decision === "approve" ? fieldProblemOf(version, details, chosen) : null;
    if (problem) {
      setError(
        problem.kind === "signatories"
          ? t("fourEyes.pickSignatories")
          : t(`versions.fieldProblem.${problem.kind}`, { label: approvalFieldName(t, problem.key, problem.label) }),
      );
      return;
    }
    setError(null);
    const signatories = chosen.flatMap((id) => candidates?.filter((c) => c.id === id) ?? []);
    setPending({ decision, details, signatories, reason: reason.trim() });
  };

  const send = (p: PendingDecision) => {
    setBusy(true);
    decideVersion(
      version.id,
      p.decision === "approve"
        ? { decision: "approve", details: p.details, signatories: p.signatories.map((s) => s.id) }
        : { decision: "reject", reason: p.reason },
    ).then(
      () => {
        setBusy(false);
        setPending(null);
        setError(null);
        onDecided();
      },
      (err: unknown) => {
        setBusy(false);
        setPending(null);
        setError(errorMessage(t, err));
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!ownRequest) ask("approve");
  };

  return (
    <form className="decision" onSubmit={onSubmit} data-testid="decision-form">
      <p className="decision__title">{t("versions.decideFor", { org: orgName })}</p>
      {ownRequest ? (
        <FourEyesNotice versionId={version.id} orgName={orgName} />
      ) : (
        <>
          {version.fields.map((field) =>
            field.kind === "signatories" ? (
              <SignatoryPicker
                key={field.key}
                label={approvalFieldName(t, field.key, field.label)}
                candidates={candidates}
                chosen={chosen}
                onChange={setChosen}
              />
            ) : (
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
            ),
          )}
          <div className="thread__actions">
            <button type="submit" className="button button--small" disabled={busy} data-testid="decision-approve">
              {t("versions.approve")}
            </button>
          </div>
        </>
      )}
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
        onClick={() => ask("reject")}
        data-testid="decision-reject"
      >
        {t("versions.reject")}
      </button>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {pending && (
        <ConfirmDecision
          version={version}
          orgName={orgName}
          pending={pending}
          busy={busy}
          onConfirm={() => send(pending)}
          onCancel={() => setPending(null)}
        />
      )}
    </form>
  );
}
