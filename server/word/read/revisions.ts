import type { WordAuthorship } from "../imported.ts";
import type { XmlElement } from "./xml.ts";

/** Longest author name kept (a name, not a document). */
const MAX_AUTHOR = 200;
/** Longest date kept (ISO 8601 with fractions and zone fits). */
const MAX_DATE = 40;

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
  private readonly byOrigin = new Map<string, string>();
  private readonly reuses = new Map<string, number>();

  /** The mark id of the change `el` (`w:ins`, `w:del`, `w:moveTo`, `w:moveFrom`) records. */
  keyOf(el: XmlElement, kind: RevisionKind): string {
    const author = (el.attrs["w:author"] ?? "").slice(0, MAX_AUTHOR);
    const date = el.attrs["w:date"]?.slice(0, MAX_DATE) ?? null;
    const base = `w:${(el.attrs["w:id"] ?? "").slice(0, 40)}`;
    const origin = [base, kind, author, date ?? ""].join("\u0000");
    const known = this.byOrigin.get(origin);
    if (known) return known;
    // Looked up by origin, not by trying suffixes: a file reusing one id thousands of times stays linear.
    const n = this.reuses.get(base) ?? 0;
    this.reuses.set(base, n + 1);
    const key = n === 0 ? base : `${base}.${n}`;
    this.byOrigin.set(origin, key);
    this.authorship[key] = { author, date };
    this.kinds.set(key, kind);
    return key;
  }

  /** True when two recorded revisions have one kind, author and date. */
  sameOrigin(a: string, b: string): boolean {
    const [x, y] = [this.authorship[a], this.authorship[b]];
    return !!x && !!y && x.author === y.author && x.date === y.date && this.kinds.get(a) === this.kinds.get(b);
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

const ZWSP = "\u200B";
const TEXTBLOCKS = new Set(["paragraph", "heading"]);
const CELLS = new Set(["table", "tableRow", "tableCell", "tableHeader"]);

type Node = {
  type?: string;
  text?: string;
  content?: Node[];
  marks?: { type?: string; attrs?: Record<string, unknown> }[];
};

const revisionMarkOf = (node: Node) => node.marks?.find((m) => m.type === "insertion" || m.type === "deletion");

/**
 * Joins revisions that touch, are of one kind and have one author and date into one, as
 * Word's and LibreOffice's review lists show them: Word writes a new paragraph as its
 * inserted paragraph mark (`w:pPr/w:rPr/w:ins`) and its inserted text (`w:ins`) with two
 * ids, which Accord's convention makes one suggestion (anchors and text with one id).
 * Pieces join within a text block, and across a block boundary only where the boundary is
 * itself a paragraph-mark revision (its anchor ends the block): two insertions on either
 * side of an untouched boundary stay two, or rejecting them would join the paragraphs.
 * Never across table cells.
 */
export function joinAdjacentRevisions(doc: Node, table: RevisionTable): void {
  const alias = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    for (let next = alias.get(root); next !== undefined; next = alias.get(root)) root = next;
    return root;
  };
  let previous: { kind: string; key: string } | null = null;
  let boundaryIsRevision = false;
  const visitInline = (node: Node) => {
    if (node.type === "__comment") return;
    const mark = revisionMarkOf(node);
    const id = mark?.attrs?.id;
    if (!mark?.type || typeof id !== "string") {
      previous = null;
      return;
    }
    const key = find(id);
    if (previous && previous.kind === mark.type && previous.key !== key && table.sameOrigin(previous.key, key))
      alias.set(key, previous.key);
    previous = { kind: mark.type, key: find(key) };
  };
  const visitBlock = (node: Node) => {
    if (TEXTBLOCKS.has(node.type ?? "")) {
      const inline = (node.content ?? []).filter((c) => c.type !== "__comment");
      if (!boundaryIsRevision || inline.length === 0) previous = null;
      for (const c of node.content ?? []) visitInline(c);
      const last = inline[inline.length - 1];
      boundaryIsRevision = last?.type === "text" && last.text === ZWSP && revisionMarkOf(last) !== undefined;
      return;
    }
    const cell = CELLS.has(node.type ?? "");
    if (cell) {
      previous = null;
      boundaryIsRevision = false;
    }
    for (const c of node.content ?? []) visitBlock(c);
    if (cell) {
      previous = null;
      boundaryIsRevision = false;
    }
  };
  visitBlock(doc);
  if (alias.size === 0) return;
  const rewrite = (node: Node) => {
    const mark = revisionMarkOf(node);
    if (mark?.attrs && typeof mark.attrs.id === "string") mark.attrs.id = find(mark.attrs.id);
    for (const c of node.content ?? []) rewrite(c);
  };
  rewrite(doc);
}
