import { SsoRefusal } from "../../../shared/api/signInMethods.ts";

/**
 * The app's pages, addressed by the URL hash (`#/`, `#/login`, `#/documents/<id>`).
 * Hash routing needs nothing from the server: any static host serves the one index.html.
 */
export type Route =
  | { page: "list" }
  | { page: "login" }
  | { page: "verify" }
  | { page: "ssoRefused"; reason: SsoRefusal }
  // A notification leads into a document: to a thread, or to a version in the versions panel.
  | { page: "document"; documentId: string; threadId?: string; versionId?: string }
  | { page: "account" }
  | { page: "admin" }
  | { page: "forgot" }
  // Link tokens live after `#`: browsers never send the fragment to a server or in a Referer.
  | { page: "invitation"; token: string }
  | { page: "reset"; token: string };

const DOCUMENT_PATH = /^\/documents\/([^/]+)(?:\/(threads|versions)\/([^/]+))?\/?$/;
/** Where the server sends a refused single sign-on; an unknown reason reads as a provider error. */
const SSO_REFUSED_PATH = /^\/sso-refused\/([^/]*)$/;
const TOKEN_PATH = /^\/(invitation|reset)\/([A-Za-z0-9_-]+)\/?$/;

/** Reads a route from a location hash; unknown paths land on the document list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  if (path === "/login") return { page: "login" };
  if (path === "/verify") return { page: "verify" };
  const refused = SSO_REFUSED_PATH.exec(path);
  if (refused) return { page: "ssoRefused", reason: SsoRefusal.catch("provider_error").parse(refused[1]) };
  if (path === "/account") return { page: "account" };
  if (path === "/admin") return { page: "admin" };
  if (path === "/forgot") return { page: "forgot" };
  const token = TOKEN_PATH.exec(path);
  if (token?.[1] === "invitation" && token[2]) return { page: "invitation", token: token[2] };
  if (token?.[1] === "reset" && token[2]) return { page: "reset", token: token[2] };
  const match = DOCUMENT_PATH.exec(path);
  if (match?.[1]) {
    const documentId = decodeURIComponent(match[1]);
    const target = match[3] === undefined ? undefined : decodeURIComponent(match[3]);
    if (target !== undefined && match[2] === "threads") return { page: "document", documentId, threadId: target };
    if (target !== undefined && match[2] === "versions") return { page: "document", documentId, versionId: target };
    return { page: "document", documentId };
  }
  return { page: "list" };
}

/** The hash that addresses `route`. */
export function hrefOf(route: Route): string {
  switch (route.page) {
    case "list":
      return "#/";
    case "login":
      return "#/login";
    case "verify":
      return "#/verify";
    case "ssoRefused":
      return `#/sso-refused/${route.reason}`;
    case "document": {
      const base = `#/documents/${encodeURIComponent(route.documentId)}`;
      if (route.threadId !== undefined) return `${base}/threads/${encodeURIComponent(route.threadId)}`;
      if (route.versionId !== undefined) return `${base}/versions/${encodeURIComponent(route.versionId)}`;
      return base;
    }
    case "account":
      return "#/account";
    case "admin":
      return "#/admin";
    case "forgot":
      return "#/forgot";
    case "invitation":
      return `#/invitation/${route.token}`;
    case "reset":
      return `#/reset/${route.token}`;
  }
}

/** Goes to `route`; `useRoute` picks the change up from the hashchange event. */
export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}
