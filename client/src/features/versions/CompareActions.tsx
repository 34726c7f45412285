import { useTranslation } from "react-i18next";
import type { VersionSummary } from "../../../../shared/api/schemas.ts";
import { redlineUrl } from "../../api/versions.ts";
import { milestoneName } from "../../lib/milestoneText.ts";
import { ExportButton } from "./ExportButtons.tsx";

interface CompareActionsProps {
  documentId: string;
  compare: { from: VersionSummary; to: string };
  versions: VersionSummary[];
  onCompare: (from: VersionSummary, to: string) => void;
  downloading: boolean;
  onDownload: (url: string) => void;
}

/** In the viewer of a comparison: what to compare with (`compare-target`) and the redline as DOCX (`redline-docx`). */
export function CompareActions({ documentId, compare, versions, onCompare, ...exports }: CompareActionsProps) {
  const { t } = useTranslation();
  return (
    <>
      <label>
        {t("versions.compareWith")}{" "}
        <select
          value={compare.to}
          data-testid="compare-target"
          onChange={(e) => onCompare(compare.from, e.target.value)}
        >
          <option value="current">{t("versions.current")}</option>
          {versions
            .filter((v) => v.id !== compare.from.id)
            .map((v) => (
              <option key={v.id} value={v.id}>
                {v.seq}. {milestoneName(t, v.milestone, v.milestoneLabel)}
              </option>
            ))}
        </select>
      </label>
      <ExportButton
        url={redlineUrl(documentId, compare.from.id, compare.to, "docx")}
        label={t("versions.redline")}
        testId="redline-docx"
        busy={exports.downloading}
        onDownload={exports.onDownload}
      />
    </>
  );
}
