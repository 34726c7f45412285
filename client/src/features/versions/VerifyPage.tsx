import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { VerifyResult } from "../../../../shared/api/schemas.ts";
import { verifyFile, verifyHash } from "../../api/versions.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { hrefOf } from "../../routing/route.ts";
import { formatDateTime } from "../documents/formatDateTime.ts";

/** `#/verify`: which version an exported file or a hash belongs to, and whether its chain is intact. */
export function VerifyPage() {
  const { t, i18n } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [hash, setHash] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    (file ? verifyFile(file) : verifyHash(hash.trim())).then(
      (r) => {
        setResult(r);
        setBusy(false);
      },
      (err: unknown) => {
        setError(errorMessage(t, err));
        setBusy(false);
      },
    );
  };

  return (
    <main className="page verify-page" data-testid="verify-page">
      <a className="back-link" href={hrefOf({ page: "list" })}>
        {t("verify.back")}
      </a>
      <h1>{t("verify.title")}</h1>
      <p>{t("verify.intro")}</p>
      <form onSubmit={submit}>
        <label>
          {t("verify.file")}{" "}
          <input type="file" data-testid="verify-file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          {t("verify.hash")}{" "}
          <input
            type="text"
            value={hash}
            size={70}
            pattern="[0-9a-fA-F]{64}"
            data-testid="verify-hash"
            onChange={(e) => setHash(e.target.value)}
          />
        </label>
        <button type="submit" className="button" disabled={busy || (!file && !hash.trim())} data-testid="verify-submit">
          {busy ? t("verify.checking") : t("verify.check")}
        </button>
      </form>
      {error && (
        <p className="alert alert--error" role="alert">
          {error}
        </p>
      )}
      {result && result.matches.length === 0 && (
        <p className="alert alert--info" data-testid="verify-none">
          {t("verify.none")}
        </p>
      )}
      {result?.matches.map((m) => (
        <div key={m.version.id} className="panel" data-testid="verify-match" data-intact={m.chainIntact}>
          <p>
            <strong>
              {t("verify.match", {
                title: m.documentTitle,
                seq: m.version.seq,
                label: m.version.milestoneLabel,
                at: formatDateTime(m.version.frozenAt, i18n.language),
              })}
            </strong>
          </p>
          <p className={m.chainIntact ? "alert alert--info" : "alert alert--error"}>
            {m.chainIntact ? t("verify.intact") : t("verify.broken", { problems: m.problems.join("; ") })}
          </p>
          <ul>
            {m.version.approvals.map((a) => (
              <li key={a.id}>
                {a.orgId}: {a.decision === "approve" ? "✓" : "✗"} {a.userName}, {formatDateTime(a.at, i18n.language)}
                {Object.values(a.details).length > 0 && ` (${Object.values(a.details).join(", ")})`}
              </li>
            ))}
          </ul>
          <p className="muted">
            <code>{m.version.contentHash}</code>
          </p>
        </div>
      ))}
    </main>
  );
}
