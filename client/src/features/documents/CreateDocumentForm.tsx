import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { CREATABLE_KINDS, type DocumentSummary, type User } from "../../../../shared/api/schemas.ts";
import { createDocument } from "../../api/documents.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { useOrganisations } from "../../lib/Organisations.tsx";
import { organisationName } from "../../lib/organisationOf.ts";

interface CreateDocumentFormProps {
  user: User;
  onCreated: (doc: DocumentSummary) => void;
}

/**
 * Creates a document from a title and a kind (`create-title`, `create-kind`, `create-submit`)
 * with its two parties: federal staff choose the canton (`create-canton`, the active cantons),
 * canton staff get their canton and the federal organisation (`create-parties`, the server's
 * default). The server checks the parties again.
 */
export function CreateDocumentForm({ user, onCreated }: CreateDocumentFormProps) {
  const { t, i18n } = useTranslation();
  const { list, look } = useOrganisations();
  const own = look(user.orgId);
  const federal = list.filter((o) => o.kind === "federal");
  const cantons = list
    .filter((o) => o.kind === "canton")
    .sort((a, b) => organisationName(a, i18n.language).localeCompare(organisationName(b, i18n.language)));
  const choosesCanton = own.kind === "federal";
  const [canton, setCanton] = useState("");
  const [title, setTitle] = useState("");
  const [kind, setKind] = useState<(typeof CREATABLE_KINDS)[number]>("concept");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const parties = choosesCanton ? [canton, user.orgId] : undefined;
      const doc = await createDocument({ title: title.trim(), kind, ...(parties ? { parties } : {}) });
      onCreated(doc);
      setCreated(doc.title);
      setTitle("");
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel create-form" onSubmit={submit} aria-labelledby="create-heading">
      <h2 className="panel__title" id="create-heading">
        {t("documents.createHeading")}
      </h2>
      <div className="create-form__fields">
        <label className="field field--grow">
          <span className="field__label">{t("documents.createTitle")}</span>
          <input
            type="text"
            required
            maxLength={200}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            data-testid="create-title"
          />
        </label>
        <label className="field">
          <span className="field__label">{t("documents.createKind")}</span>
          <select
            value={kind}
            onChange={(e) => setKind(CREATABLE_KINDS.find((k) => k === e.target.value) ?? "concept")}
            data-testid="create-kind"
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
            <select value={canton} onChange={(e) => setCanton(e.target.value)} required data-testid="create-canton">
              <option value="">{t("parties.chooseCanton")}</option>
              {cantons.map((c) => (
                <option key={c.id} value={c.id}>
                  {organisationName(c, i18n.language)}
                </option>
              ))}
            </select>
          </label>
        )}
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || title.trim() === "" || (choosesCanton && canton === "")}
          data-testid="create-submit"
        >
          {busy ? t("documents.creating") : t("documents.createSubmit")}
        </button>
      </div>
      {own.kind === "canton" && federal.length === 1 && federal[0] && (
        <p className="muted" data-testid="create-parties">
          {t("parties.parties", { canton: own.shortName, federal: federal[0].shortName })}
        </p>
      )}
      {error !== null && (
        <p className="alert alert--error" role="alert" data-testid="create-error">
          {errorMessage(t, error)}
        </p>
      )}
      {created !== null && (
        <p className="alert alert--success" role="status">
          {t("documents.created", { title: created })}
        </p>
      )}
    </form>
  );
}
