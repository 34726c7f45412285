import { useTranslation } from "react-i18next";
import type { Colleague } from "../../../../shared/api/schemas.ts";
import { MAX_SIGNATORIES } from "../../../../shared/milestones/templates.ts";

/**
 * "Unterzeichnet durch" as a choice, not a text (`signatory-picker`): the people of the
 * approver's organisation on this document who hold signing authority, one or two of them.
 */
export function SignatoryPicker({
  label,
  candidates,
  chosen,
  onChange,
}: {
  label: string;
  /** null while loading. */
  candidates: readonly Colleague[] | null;
  chosen: readonly string[];
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation();
  const toggle = (id: string, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((c) => c !== id));
  return (
    <fieldset className="decision__field signatory-picker" data-testid="signatory-picker">
      <legend>{label} *</legend>
      {candidates !== null && candidates.length === 0 && (
        <p className="muted" data-testid="signatory-none">
          {t("fourEyes.noSignatories")}
        </p>
      )}
      {candidates?.map((c) => (
        <label key={c.id} className="checkbox">
          <input
            type="checkbox"
            checked={chosen.includes(c.id)}
            // A third cannot be ticked; the server refuses more than two anyway.
            disabled={!chosen.includes(c.id) && chosen.length >= MAX_SIGNATORIES}
            onChange={(e) => toggle(c.id, e.target.checked)}
            data-testid={`signatory-option-${c.id}`}
          />{" "}
          {c.name}
        </label>
      ))}
      {candidates !== null && candidates.length > MAX_SIGNATORIES && (
        <p className="muted">{t("fourEyes.pickLimit", { count: MAX_SIGNATORIES })}</p>
      )}
    </fieldset>
  );
}
