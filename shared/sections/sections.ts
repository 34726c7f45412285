import * as Y from "yjs";
import { z } from "zod";
import { CONTENT_FIELD } from "../schema/extensions.ts";

/**
 * Negotiation status per section of an agreement (issue 15, item 5).
 *
 * A section is a top-level heading of level 1 or 2 and the blocks after it up to the next
 * such heading. Its identity is the Yjs id of the heading's element ("client:clock"): it
 * survives every edit of the heading's text and attributes and every edit around it; it
 * ends when the heading element is deleted (or replaced: turning it into a paragraph and
 * back makes a new element, so a new, open section). Blocks before the first heading are
 * no section.
 *
 * Layout: doc.getMap("sectionStatus"): section id → { [orgId]: { status, by, at } }.
 * Only the server writes it (the status route, and the reset after an edit of a settled
 * section). A root map of its own, so that the policy's rule for unknown shared types
 * refuses it to every client, and it travels with the document's state (versions freeze
 * it, every replica sees it live).
 */
export const SECTION_STATUS_FIELD = "sectionStatus";

export const SECTION_STATUSES = ["open", "discussion", "settled"] as const;
export const SectionStatus = z.enum(SECTION_STATUSES);
export type SectionStatus = z.infer<typeof SectionStatus>;

/** One party's status of one section, and who set it when. */
export const PartyStatus = z
  .object({
    status: SectionStatus,
    /** User id of who set it, or "system" for the automatic reset. */
    by: z.string().min(1).max(64),
    at: z.iso.datetime({ offset: true }),
  })
  .strict();
export type PartyStatus = z.infer<typeof PartyStatus>;

/** The statuses of one section, by organisation id. */
export const SectionEntry = z.record(z.string().min(1).max(64), PartyStatus);
export type SectionEntry = z.infer<typeof SectionEntry>;

/** One section as it stands: its id, heading text and level, and the index of its heading among the top-level blocks. */
export interface Section {
  id: string;
  title: string;
  level: 1 | 2;
  index: number;
}

/** The id of a section heading's element. */
export const sectionIdOf = (element: Y.XmlElement): string | null =>
  element._item ? `${element._item.id.client}:${element._item.id.clock}` : null;

/** The level of a top-level block when it starts a section (a heading of level 1 or 2), else null. */
export function sectionLevel(block: unknown): 1 | 2 | null {
  if (!(block instanceof Y.XmlElement) || block.nodeName !== "heading") return null;
  const level = Number(block.getAttribute("level"));
  return level === 1 || level === 2 ? level : null;
}

/** The sections of a document's content, in order. */
export function sectionsOf(doc: Y.Doc): Section[] {
  const sections: Section[] = [];
  doc
    .getXmlFragment(CONTENT_FIELD)
    .toArray()
    .forEach((block, index) => {
      const level = sectionLevel(block);
      const id = level ? sectionIdOf(block as Y.XmlElement) : null;
      if (level && id) sections.push({ id, title: textOf(block as Y.XmlElement).trim(), level, index });
    });
  return sections;
}

const textOf = (element: Y.XmlElement): string =>
  element
    .toArray()
    .map((child) => (child instanceof Y.XmlText ? plainOf(child) : ""))
    .join("")
    .replace(/\u200B/g, "");

const plainOf = (text: Y.XmlText): string =>
  (text.toDelta() as { insert?: unknown }[]).map((op) => (typeof op.insert === "string" ? op.insert : "")).join("");

export const sectionStatusOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(SECTION_STATUS_FIELD);

/** Every stored entry that matches the layout, by section id; anything else is ignored. */
export function readSectionStatuses(doc: Y.Doc): Map<string, SectionEntry> {
  const out = new Map<string, SectionEntry>();
  for (const [key, value] of sectionStatusOf(doc).entries()) {
    const parsed = SectionEntry.safeParse(value);
    if (parsed.success) out.set(key, parsed.data);
  }
  return out;
}

/** A party's status of a section: open unless it set one. */
export const statusOf = (entry: SectionEntry | undefined, orgId: string): SectionStatus =>
  entry?.[orgId]?.status ?? "open";

/** Settled by every party ("bereinigt"). */
export const settledByAll = (entry: SectionEntry | undefined, parties: readonly string[]): boolean =>
  parties.length > 0 && parties.every((orgId) => statusOf(entry, orgId) === "settled");

/** Settled by at least one party: an edit of its text resets it. */
export const settledByAny = (entry: SectionEntry | undefined): boolean =>
  Object.values(entry ?? {}).some((s) => s.status === "settled");
