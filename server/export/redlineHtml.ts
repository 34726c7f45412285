import type { JSONContent } from "@tiptap/core";
import type { Attribution } from "./changes.ts";

const LABELS: Record<string, string> = {
  insertion: "Eingefügt",
  deletion: "Gelöscht",
  modification: "Formatierung geändert",
};

/** "1. Dezember 2026, 14:05" in Swiss time, as the HTML redline's tooltips print a change's time. */
const when = (iso: string) => {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat("de-CH", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Zurich" }).format(
    date,
  );
};

/**
 * The redline with each change mark carrying the tooltip the HTML page shows on it ("Eingefügt:
 * Name, Datum"; formatting changes "Formatierung geändert: …"), so the page names the person
 * and time of every change without knowing about attribution.
 */
export function redlineForHtml(doc: JSONContent, attribution: Attribution): JSONContent {
  const walk = (node: JSONContent): JSONContent => {
    const marks = node.marks?.map((m) => {
      const label = LABELS[m.type];
      if (!label) return m;
      const origin = attribution(m.attrs?.id);
      return { ...m, attrs: { ...m.attrs, title: `${label}: ${origin.name}, ${when(origin.at)}` } };
    });
    return {
      ...node,
      ...(marks ? { marks } : {}),
      ...(node.content ? { content: node.content.map(walk) } : {}),
    };
  };
  return walk(doc);
}
