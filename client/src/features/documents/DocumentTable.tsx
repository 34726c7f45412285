import { useTranslation } from "react-i18next";
import type { DocumentListEntry } from "../../../../shared/api/schemas.ts";
import { formatDateTime } from "../../lib/formatDateTime.ts";
import { hrefOf } from "../../routing/route.ts";
import { WaitingBadges } from "../notifications/index.ts";
import { FinalBadge } from "./FinalBadge.tsx";

/** Documents with what waits for me, kind, role and last change (`doc-row-<id>`, links `doc-link-<id>`). */
export function DocumentTable({ documents, testId }: { documents: readonly DocumentListEntry[]; testId?: string }) {
  const { t, i18n } = useTranslation();
  return (
    <table className="doc-table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{t("documents.title")}</th>
          <th scope="col">{t("documents.kind")}</th>
          <th scope="col">{t("documents.role")}</th>
          <th scope="col">{t("documents.updated")}</th>
        </tr>
      </thead>
      <tbody>
        {documents.map((doc) => (
          <tr key={doc.id} data-testid={`doc-row-${doc.id}`}>
            <td>
              <a href={hrefOf({ page: "document", documentId: doc.id })} data-testid={`doc-link-${doc.id}`}>
                {doc.title}
              </a>
              <WaitingBadges waiting={doc.waiting} />
            </td>
            <td data-testid="doc-kind">
              {t(`kinds.${doc.kind}`)} <FinalBadge doc={doc} />
            </td>
            <td data-testid="doc-role">{t(`roles.${doc.role}`)}</td>
            <td>
              <time dateTime={doc.updatedAt}>{formatDateTime(doc.updatedAt, i18n.language)}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
