import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Colleague } from "../../../../shared/api/schemas.ts";
import { listApprovers } from "../../api/versions.ts";

/**
 * Why the requester of a four-eyes milestone cannot approve it for their organisation, and who
 * else there can (`four-eyes-notice`). The server refuses such an approval whatever the UI shows.
 */
export function FourEyesNotice({ versionId, orgName }: { versionId: string; orgName: string }) {
  const { t } = useTranslation();
  const [others, setOthers] = useState<Colleague[] | null>(null);
  useEffect(() => {
    let live = true;
    listApprovers(versionId).then(
      (list) => live && setOthers(list),
      () => live && setOthers(null),
    );
    return () => {
      live = false;
    };
  }, [versionId]);
  return (
    <div className="alert" role="note" data-testid="four-eyes-notice">
      <p>{t("fourEyes.ownRequest", { org: orgName })}</p>
      {others !== null && (
        <p data-testid="four-eyes-others">
          {others.length > 0
            ? t("fourEyes.othersCan", { names: others.map((o) => o.name).join(", ") })
            : t("fourEyes.nobodyElse")}
        </p>
      )}
    </div>
  );
}
