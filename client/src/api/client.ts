import type { z } from "zod";
import { ErrorBody } from "../../../shared/api/schemas.ts";
import { ApiError, toErrorCode } from "./ApiError.ts";

/** HTTP methods the API uses. */
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Calls the REST API under /api with JSON in and out and the session cookie attached.
 * The answer is parsed with the shared zod schema, so a server that drifts from the
 * contract fails here, at the edge, instead of deep inside a component.
 * Throws ApiError with the server's code, or `network` when there was no answer.
 */
export async function request<T extends z.ZodType>(
  method: Method,
  path: string,
  schema: T,
  body?: unknown,
): Promise<z.infer<T>> {
  const response = await send(method, path, body);
  if (!response.ok) throw await errorOf(response);
  return schema.parse(response.status === 204 ? undefined : await response.json());
}

/** Like `request`, for endpoints that answer 204 with no body. */
export async function requestNoContent(method: Method, path: string, body?: unknown): Promise<void> {
  const response = await send(method, path, body);
  if (!response.ok) throw await errorOf(response);
}

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  try {
    return await fetch(`/api${path}`, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json" } : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new ApiError("network", 0, err instanceof Error ? err.message : String(err));
  }
}

/** The API's error body as an `ApiError` (status and code kept). */
export async function errorOf(response: Response): Promise<ApiError> {
  const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
  if (parsed.success) return new ApiError(toErrorCode(parsed.data.code), response.status, parsed.data.message);
  // A proxy or a crashed server answers without our error body.
  return new ApiError(response.status === 401 ? "unauthorized" : "internal", response.status, response.statusText);
}
