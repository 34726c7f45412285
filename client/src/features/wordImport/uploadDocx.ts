import type { z } from "zod";
import { DOCX_CONTENT_TYPE, ErrorBody } from "../../../../shared/api/schemas.ts";
import { ApiError, toErrorCode } from "../../api/ApiError.ts";

/**
 * Sends a Word file as the raw body of a POST under /api and parses the answer with the
 * shared schema. XMLHttpRequest, not fetch: only it reports upload progress (0…1).
 * Throws ApiError with the server's code, or `network`.
 */
export function uploadDocx<T extends z.ZodType>(
  path: string,
  file: Blob,
  schema: T,
  onProgress: (fraction: number) => void,
): Promise<z.infer<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader("content-type", DOCX_CONTENT_TYPE);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () => reject(new ApiError("network", 0, "no answer"));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const parsed = schema.safeParse(body);
        if (parsed.success) resolve(parsed.data);
        else reject(new ApiError("internal", xhr.status, "unexpected answer"));
        return;
      }
      const error = ErrorBody.safeParse(body);
      reject(
        error.success
          ? new ApiError(toErrorCode(error.data.code), xhr.status, error.data.message)
          : new ApiError(xhr.status === 401 ? "unauthorized" : "internal", xhr.status, xhr.statusText),
      );
    };
    xhr.send(file);
  });
}
