import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  SECTION_STATUSES,
  type SectionEntry,
  type SectionStatus,
  settledByAll,
  statusOf,
} from "../../../shared/sections/sections.ts";
import { setSectionStatus } from "../api/sections.ts";

/** A party as the outline names it. */
export interface OutlineParty {
  orgId: string;
  name: string;
}

/**
 * One section's negotiation status under its outline entry: "bereinigt" (colour and text)
 * when every party settled it, else each party's status; members who negotiate pick their
 * own party's status.
 */
export function SectionStatusLine(props: {
  documentId: string;
  sectionId: string;
  entry: SectionEntry | undefined;
  parties: readonly OutlineParty[];
  ownOrgId: string | null;
  index: number;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState(false);
  const { entry, parties, ownOrgId } = props;
  const settled = settledByAll(
    entry,
    parties.map((p) => p.orgId),
  );
  const own = parties.find((p) => p.orgId === ownOrgId);
  const change = (status: SectionStatus) => {
    setError(false);
    setSectionStatus(props.documentId, props.sectionId, status).catch(() => setError(true));
  };
  return (
    <div className={`outline__status${settled ? " outline__status--settled" : ""}`} data-testid="section-status">
      {settled ? (
        <span className="outline__badge outline__badge--settled" data-testid="section-bereinigt">
          ✓ {t("sections.bereinigt")}
        </span>
      ) : (
        parties.map((p) => (
          <span
            key={p.orgId}
            className={`outline__badge outline__badge--${statusOf(entry, p.orgId)}`}
            data-testid={`section-party-${p.orgId}`}
          >
            {t("sections.partyStatus", { party: p.name, status: t(`sections.status.${statusOf(entry, p.orgId)}`) })}
          </span>
        ))
      )}
      {own && (
        <select
          aria-label={t("sections.yourStatus", { party: own.name })}
          value={statusOf(entry, own.orgId)}
          onChange={(e) => change(e.target.value as SectionStatus)}
          data-testid={`section-set-${props.index}`}
        >
          {SECTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`sections.status.${s}`)}
            </option>
          ))}
        </select>
      )}
      {error && (
        <span role="alert" className="alert alert--error">
          {t("sections.failed")}
        </span>
      )}
    </div>
  );
}
