/**
 * How a test sends a request: `fetch` to a listening server, or an in-process app's
 * `request` (tests/helpers/inProcessApp.ts). `url` is the path, e.g. `/api/me`.
 */
export type Fetcher = (url: string, init: RequestInit) => Promise<Response>;

/** A server's address, or a fetcher, as a fetcher. */
export const fetcherOf = (target: string | Fetcher): Fetcher =>
  typeof target === "string" ? (url, init) => fetch(`${target}${url}`, init) : target;

/** A request as a signed-in user, with `body` sent as JSON. */
export function sessionFetch(target: string | Fetcher) {
  const send = fetcherOf(target);
  return (cookie: string, method: string, url: string, body?: unknown): Promise<Response> =>
    send(url, {
      method,
      headers: { cookie, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
}

/** A response read to the end. */
export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body, or undefined when the body is empty. */
  body: T;
}

/** A JSON client: JSON in (`json`, or `raw` text sent as is), JSON out, with an optional session cookie. */
export function apiClient(target: string | Fetcher) {
  const send = fetcherOf(target);
  return async function call<T = unknown>(
    method: string,
    path: string,
    options: { cookie?: string; json?: unknown; raw?: string } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    const body = options.raw ?? (options.json === undefined ? undefined : JSON.stringify(options.json));
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await send(path, { method, headers, body });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, body: (text ? JSON.parse(text) : undefined) as T };
  };
}
