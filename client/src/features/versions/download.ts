import { ApiError } from "../../api/ApiError.ts";

/** What a running download reports: bytes so far and, when the server says, the total. */
export interface DownloadProgress {
  loaded: number;
  total: number | null;
}

/**
 * Downloads an export with progress (exports of long documents take a moment to make and
 * to transfer), then hands it to the browser under the server's file name.
 */
export async function downloadWithProgress(url: string, onProgress: (p: DownloadProgress) => void): Promise<void> {
  const response = await fetch(url, { credentials: "same-origin" });
  if (!response.ok || !response.body)
    throw new ApiError(response.status === 404 ? "not_found" : "internal", response.status, "");
  const total = Number(response.headers.get("content-length")) || null;
  const reader = response.body.getReader();
  const chunks: BlobPart[] = [];
  let loaded = 0;
  onProgress({ loaded, total });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress({ loaded, total });
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ?? "accord-export";
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob(chunks, { type: response.headers.get("content-type") ?? undefined }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
