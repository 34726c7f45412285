import { useTranslation } from "react-i18next";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { hrefOf } from "../../routing/route.ts";
import { AmendmentLinks } from "./AmendmentLinks.tsx";
import { DocumentTitle } from "./DocumentTitle.tsx";
import { FinalBadge } from "./FinalBadge.tsx";

/** Above the text: back to the list, the title (renamed inline), kind and the user's role (the connection is in the editor's bar). */
export function DocumentHeader() {
  const { t } = useTranslation();
  const { doc, changed } = useDocument();
  return (
    <div className="doc-header">
      <a className="back-link" href={hrefOf({ page: "list" })}>
        {t("document.back")}
      </a>
      <div className="doc-header__row">
        <div className="doc-header__main">
          <DocumentTitle doc={doc} onRenamed={changed} />
          <p className="doc-header__meta">
            <span className="badge" data-testid="document-kind">
              {t(`kinds.${doc.kind}`)}
            </span>
            <span className="badge badge--role" data-testid="document-role" data-role={doc.role}>
              {t("document.role", { role: t(`roles.${doc.role}`) })}
            </span>
            <FinalBadge doc={doc} />
          </p>
          <AmendmentLinks doc={doc} />
        </div>
      </div>
    </div>
  );
}
