import { useTranslation } from "react-i18next";
import type { VersionSummary } from "../../../../shared/api/schemas.ts";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { approvalFieldName } from "../../lib/milestoneText.ts";

/** The decisions on a version (`version-approval`, with `data-org`): who, for which organisation, when, what they recorded. */
export function ApprovalList({ version: v }: { version: VersionSummary }) {
  const { t, i18n } = useTranslation();
  const { organisation } = useDocument();
  return (
    <ul className="version__approvals">
      {v.approvals.map((a) => (
        <li key={a.id} data-testid="version-approval" data-org={a.orgId}>
          {t(a.decision === "approve" ? "versions.approved" : "versions.rejected", {
            org: organisation(a.orgId).shortName,
            name: a.userName,
            at: formatDateTime(a.at, i18n.language),
          })}
          {Object.entries(a.details).map(([k, value]) => (
            <span key={k} className="version__detail">
              {" "}
              · {approvalFieldName(t, k, v.fields.find((f) => f.key === k)?.label ?? k)}: {value}
            </span>
          ))}
          {a.reason && <span className="version__detail"> · {a.reason}</span>}
        </li>
      ))}
    </ul>
  );
}
