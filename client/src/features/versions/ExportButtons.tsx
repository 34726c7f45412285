import { useTranslation } from "react-i18next";
import type { DownloadProgress } from "./download.ts";

/** The formats a version exports to; the current text has all but the archive bundle. */
export const EXPORT_FORMATS = ["pdf", "docx", "html", "md", "zip"] as const;

interface ExportButtonProps {
  url: string;
  label: string;
  testId: string;
  /** True while another download runs. */
  busy: boolean;
  onDownload: (url: string) => void;
}

/** A link-styled button that downloads one export. */
export function ExportButton({ url, label, testId, busy, onDownload }: ExportButtonProps) {
  return (
    <button
      type="button"
      className="link-button versions__export"
      data-testid={testId}
      disabled={busy}
      onClick={() => onDownload(url)}
    >
      {label}
    </button>
  );
}

/** How far the running download is (`export-progress`), in KB. */
export function ExportProgress({ progress }: { progress: DownloadProgress }) {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status" data-testid="export-progress">
      {t("versions.exporting", {
        size: `${Math.round(progress.loaded / 1024)} KB${progress.total ? ` / ${Math.round(progress.total / 1024)} KB` : ""}`,
      })}
    </p>
  );
}
