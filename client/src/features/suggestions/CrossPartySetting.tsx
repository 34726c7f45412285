import { useTranslation } from "react-i18next";
import { setCrossPartyAcceptance } from "../../api/documents.ts";
import { useDocument } from "../../lib/DocumentContext.tsx";

/** Whether only another organisation may accept a suggestion: owners switch it (`cross-party-toggle`), others read it. */
export function CrossPartySetting() {
  const { t } = useTranslation();
  const { doc, changed } = useDocument();
  if (doc.role !== "owner")
    return doc.crossPartyAcceptance ? <p className="muted">{t("suggestions.crossParty")}</p> : null;
  return (
    <label className="suggestions__setting">
      <input
        type="checkbox"
        data-testid="cross-party-toggle"
        checked={doc.crossPartyAcceptance}
        onChange={(e) => setCrossPartyAcceptance(doc.id, e.target.checked).then(changed, () => {})}
      />{" "}
      {t("suggestions.crossPartyToggle")}
    </label>
  );
}
