import type { JSONContent } from "@tiptap/core";
import type { Attribution } from "../changes.ts";

/** One w:ins / w:del / w:rPrChange / w:pPrChange / w:trPr change's attributes, as the docx library takes them. */
export interface ChangeAttributes {
  id: number;
  author: string;
  date: string;
}

/** The marks that are suggestions (or a comparison's changes); everything else is formatting. */
export const CHANGE_MARKS = new Set(["insertion", "deletion", "modification"]);

/** A time as Word writes it in w:date: whole seconds, UTC. */
export const wordDate = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "1980-01-01T00:00:00Z" : d.toISOString().replace(/\.\d{3}Z$/, "Z");
};

/**
 * Hands out the document's annotation ids: one counter for comments and every revision, so
 * no two w:ins / w:del / w:comment share an id (a suggestion split across runs or
 * paragraphs gets a new id for each piece; superdoc #4020).
 */
export class Revisions {
  private next = 0;

  constructor(private readonly attribution: Attribution) {}

  /** A fresh id, for a comment. */
  id(): number {
    return this.next++;
  }

  /** The attributes of a change made by the suggestion (or comparison change) `markId`. */
  change(markId: unknown): ChangeAttributes {
    const origin = this.attribution(markId);
    return { id: this.id(), author: origin.name, date: wordDate(origin.at) };
  }
}

/** The first mark of `type` on a node, if any. */
export const markOf = (node: JSONContent, type: string) => node.marks?.find((m) => m.type === type);
