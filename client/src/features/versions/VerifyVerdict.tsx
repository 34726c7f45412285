import { useTranslation } from "react-i18next";
import type { VerifyMatch, VerifyResult } from "../../../../shared/api/schemas.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { milestoneName } from "../../lib/milestoneText.ts";

/** One version a verify answer names: document, version, chain state, decisions. */
function MatchDetails({ match: m }: { match: VerifyMatch }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="panel" data-testid="verify-match" data-intact={m.chainIntact}>
      <p>
        <strong>
          {t("verify.match", {
            title: m.documentTitle,
            seq: m.version.seq,
            label: milestoneName(t, m.version.milestone, m.version.milestoneLabel),
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
  );
}

/** The passages where an altered file differs from the version it names. */
function Differences({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  if (result.format === "pdf" || result.format === "zip" || result.format === null) {
    return <p className="muted">{t("verify.noTextComparison")}</p>;
  }
  return (
    <div data-testid="verify-differences">
      <h2>{t("verify.differences", { count: result.differences.length })}</h2>
      <table className="verify-differences">
        <thead>
          <tr>
            <th>{t("verify.expected")}</th>
            <th>{t("verify.found")}</th>
          </tr>
        </thead>
        <tbody>
          {result.differences.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: passages have no identity but their place
            <tr key={i}>
              <td>
                <del>{d.expected}</del>
              </td>
              <td>
                <ins>{d.found}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!result.differencesComplete && <p className="muted">{t("verify.differencesIncomplete")}</p>}
    </div>
  );
}

/**
 * The verdict, in words that cannot be mistaken for one another: only `genuine` says a file
 * is an export of a version; a known hash says no more than that the hash exists.
 */
export function VerifyVerdict({ result }: { result: VerifyResult }) {
  const { t } = useTranslation();
  const [first] = result.matches;
  switch (result.verdict) {
    case "genuine":
      return (
        <section data-testid="verify-verdict" data-verdict="genuine">
          <p className="alert alert--success">
            <strong>{t("verify.genuine", { seq: first?.version.seq, format: result.format?.toUpperCase() })}</strong>{" "}
            {t("verify.approvalsIncluded", { included: result.approvalsIncluded, total: result.approvalsTotal })}
          </p>
          {first && <MatchDetails match={first} />}
        </section>
      );
    case "altered":
      return (
        <section data-testid="verify-verdict" data-verdict="altered">
          <p className="alert alert--error" role="alert">
            <strong>{t("verify.altered", { seq: first?.version.seq })}</strong>
          </p>
          {first && <MatchDetails match={first} />}
          <Differences result={result} />
        </section>
      );
    case "hash_known":
      return (
        <section data-testid="verify-verdict" data-verdict="hash_known">
          <p className="alert alert--info">
            <strong>{t("verify.hashKnown")}</strong>
          </p>
          {result.matches.map((m) => (
            <MatchDetails key={m.version.id} match={m} />
          ))}
        </section>
      );
    case "unknown":
      return (
        <p className="alert alert--info" data-testid="verify-verdict" data-verdict="unknown">
          {t("verify.none")}
        </p>
      );
  }
}
