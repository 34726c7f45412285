import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { AdminOrganisation, OrganisationInput } from "../../api/admin.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { NEUTRAL_COLOUR } from "../../lib/organisationOf.ts";
import { useSubmit } from "../../lib/useSubmit.ts";

const KINDS = ["federal", "canton", "commune", "other"] as const;

/** The fields of an organisation, for adding one (with its id) or changing one. */
export function OrganisationForm({
  initial,
  onSave,
  testId,
}: {
  initial: AdminOrganisation | null;
  onSave: (input: OrganisationInput) => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation();
  const [id, setId] = useState(initial?.id ?? "");
  const [kind, setKind] = useState<AdminOrganisation["kind"]>(initial?.kind ?? "commune");
  const [name, setName] = useState(initial?.name ?? { de: "", fr: "", it: "" });
  const [shortName, setShortName] = useState(initial?.shortName ?? "");
  const [colour, setColour] = useState(initial?.colour ?? NEUTRAL_COLOUR);
  const [domains, setDomains] = useState(initial?.domains.join(", ") ?? "");
  const [sso, setSso] = useState(initial?.ssoProvisioning ?? false);
  const [passwordSignIn, setPasswordSignIn] = useState(initial?.passwordSignIn ?? true);
  const [saved, setSaved] = useState(false);
  const { busy, error, submit } = useSubmit(async () => {
    setSaved(false);
    const fields: OrganisationInput = {
      kind,
      name,
      shortName,
      colour,
      domains: domains
        .split(",")
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
      ssoProvisioning: sso,
      passwordSignIn,
    };
    await onSave(initial ? fields : { id, ...fields });
    setSaved(true);
  });
  const text = (label: string, value: string, set: (v: string) => void, key: string) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <input required value={value} onChange={(e) => set(e.target.value)} data-testid={`${testId}-${key}`} />
    </label>
  );
  return (
    <form onSubmit={submit} className="admin-org-form" data-testid={testId}>
      {!initial && text(t("admin.organisationId"), id, setId, "id")}
      <label className="field">
        <span className="field__label">{t("admin.organisations.kind")}</span>
        <select
          value={kind}
          onChange={(e) => setKind(KINDS.find((k) => k === e.target.value) ?? "other")}
          data-testid={`${testId}-kind`}
        >
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`admin.organisations.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {text(t("admin.organisations.nameDe"), name.de, (de) => setName({ ...name, de }), "name-de")}
      {text(t("admin.organisations.nameFr"), name.fr, (fr) => setName({ ...name, fr }), "name-fr")}
      {text(t("admin.organisations.nameIt"), name.it, (it) => setName({ ...name, it }), "name-it")}
      {text(t("admin.organisations.shortName"), shortName, setShortName, "short")}
      <label className="field">
        <span className="field__label">{t("admin.organisations.colour")}</span>
        <input type="color" value={colour} onChange={(e) => setColour(e.target.value)} />
      </label>
      <label className="field">
        <span className="field__label">{t("admin.organisations.domains")}</span>
        <input value={domains} onChange={(e) => setDomains(e.target.value)} data-testid={`${testId}-domains`} />
      </label>
      <label>
        <input type="checkbox" checked={sso} onChange={(e) => setSso(e.target.checked)} />{" "}
        {t("admin.organisations.sso")}
      </label>
      <label>
        <input type="checkbox" checked={passwordSignIn} onChange={(e) => setPasswordSignIn(e.target.checked)} />{" "}
        {t("admin.organisations.passwordSignIn")}
      </label>
      {error !== null && <p className="alert alert--error">{errorMessage(t, error)}</p>}
      {saved && <p className="alert alert--success">{t("admin.organisations.saved")}</p>}
      <button type="submit" className="button button--primary" disabled={busy} data-testid={`${testId}-save`}>
        {initial ? t("admin.organisations.save") : t("admin.organisations.add")}
      </button>
    </form>
  );
}
