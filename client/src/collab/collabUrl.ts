/** The collaboration endpoint on the page's own origin; the provider appends `/<documentId>`. */
export function collabUrl(location: Location = window.location): string {
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.host}/collab`;
}
