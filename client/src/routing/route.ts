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
  | { page: "document"; documentId: string };

const DOCUMENT_PATH = /^\/documents\/([^/]+)\/?$/;
/** Where the server sends a refused single sign-on; an unknown reason reads as a provider error. */
const SSO_REFUSED_PATH = /^\/sso-refused\/([^/]*)$/;

/** Reads a route from a location hash; unknown paths land on the document list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, "") || "/";
  if (path === "/login") return { page: "login" };
  if (path === "/verify") return { page: "verify" };
  const refused = SSO_REFUSED_PATH.exec(path);
  if (refused) return { page: "ssoRefused", reason: SsoRefusal.catch("provider_error").parse(refused[1]) };
  const match = DOCUMENT_PATH.exec(path);
  if (match?.[1]) return { page: "document", documentId: decodeURIComponent(match[1]) };
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
    case "document":
      return `#/documents/${encodeURIComponent(route.documentId)}`;
  }
}

/** Goes to `route`; `useRoute` picks the change up from the hashchange event. */
export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}
