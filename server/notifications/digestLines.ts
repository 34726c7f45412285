import { milestoneOf } from "../../shared/milestones/templates.ts";
import type { NameLookup } from "../store/ports/AccountStore.ts";
import type { DocumentRow } from "../store/ports/DocumentStore.ts";
import type { NotificationRow } from "../store/ports/NotificationStore.ts";
import type { DigestItem } from "./notificationMail.ts";

const text = (value: string | number | null | undefined): string => (typeof value === "string" ? value : "");

/**
 * Where a notification leads, as the client routes it (client/src/routing/route.ts): the
 * document, and in it the thread (`/threads/<id>`) or the version (`/versions/<id>`) the
 * notification names, as the inbox links do.
 */
export function placeUrl(publicUrl: string, documentId: string, detail: NotificationRow["detail"] = {}): string {
  const base = `${publicUrl}/#/documents/${encodeURIComponent(documentId)}`;
  const threadId = text(detail.threadId);
  if (threadId) return `${base}/threads/${encodeURIComponent(threadId)}`;
  const versionId = text(detail.versionId);
  return versionId ? `${base}/versions/${encodeURIComponent(versionId)}` : base;
}

/**
 * The digest's entries for one document's notification rows: names looked up now (an
 * actor's, a party's), the milestone's label from the templates, the excerpt from the detail.
 */
export async function digestItems(
  names: NameLookup,
  publicUrl: string,
  document: Pick<DocumentRow, "id" | "kind">,
  rows: readonly NotificationRow[],
): Promise<DigestItem[]> {
  const people = new Map<string, string | null>();
  const nameOf = async (id: string | null) => {
    if (id === null) return null;
    if (!people.has(id)) people.set(id, (await names.findUserById(id))?.name ?? null);
    return people.get(id) ?? null;
  };
  const items: DigestItem[] = [];
  for (const row of rows) {
    const orgId = text(row.detail.orgId);
    const milestone = text(row.detail.milestone);
    items.push({
      line: {
        kind: row.kind,
        actor: await nameOf(row.actorId),
        party: orgId ? await names.organisationName(orgId) : null,
        count: row.count,
        milestone: milestoneOf(document.kind, milestone)?.label ?? milestone,
        excerpt: text(row.detail.reason) || text(row.detail.excerpt),
      },
      link: placeUrl(publicUrl, document.id, row.detail),
    });
  }
  return items;
}
