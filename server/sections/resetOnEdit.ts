import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import {
  type PartyStatus,
  readSectionStatuses,
  type SectionEntry,
  sectionStatusOf,
  settledByAny,
} from "../../shared/sections/sections.ts";
import type { AcceptedObserver } from "../sync/AcceptedObserver.ts";
import { changedSections } from "./changedSections.ts";

/** Who the automatic reset is recorded as having set the status. */
export const SYSTEM_SETTER = "system";

/**
 * A change to the text of a section that a party settled puts it back "in discussion" for
 * every party, done by the server after the room took the change, so no client can skip
 * it. Audited as `section.reset` with the sections and the editor whose change caused it.
 */
export const resetSettledOnEdit: AcceptedObserver = ({ doc, transactions, parties }) => {
  const statuses = readSectionStatuses(doc);
  const settled = [...statuses].filter(([, entry]) => settledByAny(entry));
  // Nothing settled (most of the time): no walk over the blocks at all.
  if (settled.length === 0) return null;
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const changed = new Set<string>();
  for (const tr of transactions) for (const id of changedSections(tr, fragment)) changed.add(id);
  const reset = settled.filter(([id]) => changed.has(id));
  if (reset.length === 0) return null;
  const at = new Date().toISOString();
  return {
    change: (live) => {
      const map = sectionStatusOf(live);
      for (const [id, entry] of reset) map.set(id, inDiscussion([...new Set([...parties, ...Object.keys(entry)])], at));
    },
    audit: { action: "section.reset", detail: { sections: reset.map(([id]) => id) } },
  };
};

const inDiscussion = (orgIds: readonly string[], at: string): SectionEntry =>
  Object.fromEntries(
    orgIds.map((orgId): [string, PartyStatus] => [orgId, { status: "discussion", by: SYSTEM_SETTER, at }]),
  );
