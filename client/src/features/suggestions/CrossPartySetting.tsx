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
        onChange={(e) => {
          // Taken at once, so the accept buttons follow the box without waiting for the server;
          // back to the server's answer (or the old value) when it comes.
          const on = e.target.checked;
          changed({ ...doc, crossPartyAcceptance: on });
          setCrossPartyAcceptance(doc.id, on).then(changed, () => changed(doc));
        }}
      />{" "}
      {t("suggestions.crossPartyToggle")}
    </label>
  );
}
