import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { VerifyResult } from "../../../../shared/api/schemas.ts";
import { verifyFile, verifyHash } from "../../api/versions.ts";
import { errorMessage } from "../../i18n/errorMessage.ts";
import { hrefOf } from "../../routing/route.ts";
import { VerifyVerdict } from "./VerifyVerdict.tsx";

/** `#/verify`: whether a file is a genuine export of a version (or altered, or unknown), or which version a hash names. */
export function VerifyPage() {
  const { t } = useTranslation();
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
      {result && <VerifyVerdict result={result} />}
    </main>
  );
}
