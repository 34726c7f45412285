import { isSafeLinkHref } from "../../../shared/schema/extensions.ts";
import { elements, type XmlElement } from "./xml.ts";

/** Longest link target kept; a longer one is no link a reader would follow. */
const MAX_HREF = 2048;

/**
 * The link targets of document.xml.rels by relationship id: only external targets that
 * Accord would store (http, https, mailto, tel; see isSafeLinkHref), so a `javascript:` or
 * `file:` hyperlink in a Word file becomes plain text.
 */
export function readHyperlinks(root: XmlElement | undefined): Map<string, string> {
  const links = new Map<string, string>();
  for (const rel of elements(root, "pr:Relationship")) {
    const id = rel.attrs.Id;
    const target = rel.attrs.Target?.trim();
    if (!id || !target || links.has(id)) continue;
    if (!rel.attrs.Type?.endsWith("/hyperlink") || rel.attrs.TargetMode !== "External") continue;
    if (target.length <= MAX_HREF && isSafeLinkHref(target)) links.set(id, target);
  }
  return links;
}
