import { useTranslation } from "react-i18next";
import { CREATABLE_KINDS, type CreatableKind, type User } from "../../../shared/api/schemas.ts";
import { useOrganisations } from "./Organisations.tsx";
import { organisationName } from "./organisationOf.ts";

/** Whether the user names the canton of a new document (federal staff do), and the cantons to choose from. */
export function useCantonChoice(user: User) {
  const { i18n } = useTranslation();
  const { list, look } = useOrganisations();
  const cantons = list
    .filter((o) => o.kind === "canton")
    .sort((a, b) => organisationName(a, i18n.language).localeCompare(organisationName(b, i18n.language)));
  return { choosesCanton: look(user.orgId).kind === "federal", cantons };
}

interface DocumentFieldsProps {
  /** Test ids `<prefix>-title`, `<prefix>-kind`, `<prefix>-canton`. */
  prefix: string;
  user: User;
  title: string;
  onTitle: (title: string) => void;
  kind: CreatableKind;
  onKind: (kind: CreatableKind) => void;
  canton: string;
  onCanton: (canton: string) => void;
}

/** A new document's title, kind and (for federal staff) canton, as the create and the Word import forms ask them. */
export function DocumentFields(props: DocumentFieldsProps) {
  const { t, i18n } = useTranslation();
  const { choosesCanton, cantons } = useCantonChoice(props.user);
  return (
    <>
      <label className="field field--grow">
        <span className="field__label">{t("documents.createTitle")}</span>
        <input
          type="text"
          required
          maxLength={200}
          value={props.title}
          onChange={(e) => props.onTitle(e.target.value)}
          data-testid={`${props.prefix}-title`}
        />
      </label>
      <label className="field">
        <span className="field__label">{t("documents.createKind")}</span>
        <select
          value={props.kind}
          onChange={(e) => props.onKind(CREATABLE_KINDS.find((k) => k === e.target.value) ?? "concept")}
          data-testid={`${props.prefix}-kind`}
        >
          {CREATABLE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      {choosesCanton && (
        <label className="field">
          <span className="field__label">{t("parties.canton")}</span>
          <select
            value={props.canton}
            onChange={(e) => props.onCanton(e.target.value)}
            required
            data-testid={`${props.prefix}-canton`}
          >
            <option value="">{t("parties.chooseCanton")}</option>
            {cantons.map((c) => (
              <option key={c.id} value={c.id}>
                {organisationName(c, i18n.language)}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
