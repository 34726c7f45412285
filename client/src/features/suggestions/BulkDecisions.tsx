import { useTranslation } from "react-i18next";
import type { SuggestionSummary } from "../../../../shared/suggestions/list.ts";
import { useDocument } from "../../lib/DocumentContext.tsx";
import { type Decision, DecisionPair } from "./DecisionPair.tsx";

interface BulkDecisionsProps {
  suggestions: SuggestionSummary[];
  /** The suggestions touching a non-empty selection (empty without one). */
  inSelection: SuggestionSummary[];
  onDecide: (decision: Decision, targets: SuggestionSummary[]) => void;
  /** What the user may do with one suggestion: a group's button shows only if it may do it to one of them. */
  may: (s: SuggestionSummary) => Record<Decision, boolean>;
}

/**
 * Accept or reject all (`suggestions-accept-all`), those in the selection
 * (`suggestions-accept-selection`) or one organisation's (`suggestions-accept-org-<id>`),
 * one entry per organisation that has suggestions, named as the server describes it.
 */
export function BulkDecisions({ suggestions, inSelection, onDecide, may }: BulkDecisionsProps) {
  const { t } = useTranslation();
  const { doc, organisation } = useDocument();
  // The document's parties first (canton, federal), then any other organisation by id.
  const rank = (org: string) => {
    const i = doc.parties.findIndex((p) => p.orgId === org);
    return i < 0 ? doc.parties.length : i;
  };
  const orgs = [...new Set(suggestions.flatMap((s) => (s.origin ? [s.origin.orgId] : [])))].sort(
    (a, b) => rank(a) - rank(b) || a.localeCompare(b),
  );
  const pair = (key: string, acceptLabel: string, rejectLabel: string, group: SuggestionSummary[]) => ({
    accept: group.some((s) => may(s).accept) ? { label: acceptLabel, testId: `suggestions-accept-${key}` } : undefined,
    reject: group.some((s) => may(s).reject) ? { label: rejectLabel, testId: `suggestions-reject-${key}` } : undefined,
  });
  return (
    <div className="suggestions__bulk">
      <DecisionPair
        {...pair("all", t("suggestions.acceptAll"), t("suggestions.rejectAll"), suggestions)}
        onDecide={(d) => onDecide(d, suggestions)}
      />
      {inSelection.length > 0 && (
        <DecisionPair
          {...pair("selection", t("suggestions.acceptSelection"), t("suggestions.rejectSelection"), inSelection)}
          onDecide={(d) => onDecide(d, inSelection)}
        />
      )}
      {orgs.map((org) => {
        const name = organisation(org).shortName;
        const theirs = suggestions.filter((s) => s.origin?.orgId === org);
        return (
          <span key={org} className="suggestions__org">
            <DecisionPair
              links
              {...pair(
                `org-${org}`,
                t("suggestions.acceptOrg", { org: name }),
                t("suggestions.rejectOrg", { org: name }),
                theirs,
              )}
              onDecide={(d) => onDecide(d, theirs)}
            />
          </span>
        );
      })}
    </div>
  );
}
