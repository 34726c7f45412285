import * as Y from "yjs";
import { sectionStatusOf, sectionsOf } from "../../shared/sections/sections.ts";

/** When the demo's statuses were set (fixed, so a fresh demo always reads the same). */
const AT = "2024-03-11T09:00:00.000Z";

/**
 * The demo agreement's negotiation so far: "Art. 1 Gegenstand" settled by both parties
 * (bereinigt), "Art. 2" settled by the canton only, "Art. 3" settled by the SEM only and the
 * canton's "Art. 4" in discussion; every other section open. `state` is the agreement's
 * content as one Yjs update; returns it with the statuses added.
 */
export function withDemoStatuses(state: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const byTitle = new Map(sectionsOf(doc).map((s) => [s.title, s.id]));
    const set = (title: string, entry: Record<string, { status: string; by: string }>) => {
      const id = byTitle.get(title);
      if (!id) throw new Error(`demo agreement has no section ${title}`);
      sectionStatusOf(doc).set(
        id,
        Object.fromEntries(Object.entries(entry).map(([orgId, s]) => [orgId, { ...s, at: AT }])),
      );
    };
    const canton = { status: "settled", by: "u-andrea" };
    const sem = { status: "settled", by: "u-claire" };
    set("Art. 1 Gegenstand", { "kanton-so": canton, sem });
    set("Art. 2 Bestandteile der Vereinbarung", { "kanton-so": canton });
    set("Art. 3 Strategische Programmziele", { sem });
    set("Art. 4 Leistungen des Kantons", { "kanton-so": { status: "discussion", by: "u-lukas" } });
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
