import { useState } from "react";
import { type DownloadProgress, downloadWithProgress } from "./download.ts";

/** One export download at a time, with its progress (null when none runs); failures go to `onError`. */
export function useDownload(onError: (err: unknown) => void) {
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const download = (url: string) => {
    setProgress({ loaded: 0, total: null });
    downloadWithProgress(url, setProgress).then(
      () => setProgress(null),
      (err: unknown) => {
        setProgress(null);
        onError(err);
      },
    );
  };
  return { progress, download };
}
