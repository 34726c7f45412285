import { useTranslation } from "react-i18next";
import { useDocument } from "../../lib/DocumentContext.tsx";

/** Above the text of a final document: why nobody can change it, and where changes go instead. */
export function FinalBanner() {
  const { t } = useTranslation();
  const { doc } = useDocument();
  if (!doc.final) return null;
  return (
    <p className="alert alert--info" data-testid="final-banner">
      {doc.kind === "agreement" ? t("finalState.readOnlyAgreement") : t("finalState.readOnly")}
    </p>
  );
}
