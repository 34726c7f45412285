import type { WordAuthorship } from "../imported.ts";
import type { XmlElement } from "./xml.ts";

/** A tracked change's kind as Accord marks it. */
export type RevisionKind = "insertion" | "deletion";

/**
 * Word's tracked changes by the mark id `doc` uses ("w:<w:id>"). One change split over
 * several `w:ins` elements with the same `w:id` (Word does this across runs and
 * paragraphs) stays one revision; an id reused for a different author, date or kind (a
 * broken writer) gets its own key, so two people's changes are never merged.
 */
export class RevisionTable {
  readonly authorship: Record<string, WordAuthorship> = {};
  private readonly kinds = new Map<string, RevisionKind>();

  /** The mark id of the change `el` (`w:ins`, `w:del`, `w:moveTo`, `w:moveFrom`) records. */
  keyOf(el: XmlElement, kind: RevisionKind): string {
    const author = el.attrs["w:author"] ?? "";
    const date = el.attrs["w:date"] ?? null;
    const base = `w:${(el.attrs["w:id"] ?? "").slice(0, 40)}`;
    for (let n = 0; ; n++) {
      const key = n === 0 ? base : `${base}.${n}`;
      const known = this.authorship[key];
      if (!known) {
        this.authorship[key] = { author, date };
        this.kinds.set(key, kind);
        return key;
      }
      if (known.author === author && known.date === date && this.kinds.get(key) === kind) return key;
    }
  }

  /** How many distinct revisions of `kind` are recorded. */
  count(kind: RevisionKind): number {
    return [...this.kinds.values()].filter((k) => k === kind).length;
  }

  /** Only the revisions whose marks made it into the document (a revision on nothing is no change). */
  restrictTo(used: ReadonlySet<string>): void {
    for (const key of Object.keys(this.authorship)) {
      if (!used.has(key)) {
        delete this.authorship[key];
        this.kinds.delete(key);
      }
    }
  }
}
