import type { JSONContent } from "@tiptap/core";
import { integerBounds } from "../../../shared/schema/attributeBounds.ts";
import type { Numbering } from "./numbering.ts";
import type { ReportCounter } from "./report.ts";
import type { RevisionKind, RevisionTable } from "./revisions.ts";
import {
  historyRunsProps,
  type NumPr,
  numPrOf,
  outlineLevelOf,
  type RunProps,
  runPropsOf,
  type Styles,
} from "./styles.ts";
import { child, descendants, elements, onOff, textOf, valOf, type XmlElement } from "./xml.ts";

/** What the body reader needs from the other parts. */
export interface BodyContext {
  styles: Styles;
  numbering: Numbering;
  links: ReadonlyMap<string, string>;
  revisions: RevisionTable;
  report: ReportCounter;
}

/** A comment's edges as found in the body, later turned into positions. */
export interface CommentAnchor {
  type: "__comment";
  id: string;
  edge: "start" | "end" | "reference";
}

/** The block content of the body, with comment anchors still inline (see `positionsOf`). */
export type Blocks = JSONContent[];

const ZWSP = "\u200B";
/** Deepest heading the schema allows (StarterKit's levels 1–6): deeper outline levels are clamped. */
const MAX_HEADING = 6;
const [MIN_START, MAX_START] = integerBounds("orderedList", "start") ?? [0, 99_999];
const [, MAX_COLSPAN] = integerBounds("tableCell", "colspan") ?? [1, 100];
const [, MAX_ROWSPAN] = integerBounds("tableCell", "rowspan") ?? [1, 1000];

/** The revision a piece of text is in: none, one, or an insertion later deleted (dropped: it is in neither outcome). */
type Revision = { kind: RevisionKind; key: string } | "dropped" | null;

interface InlineState {
  revision: Revision;
  href: string | null;
}

/** A paragraph that is a list item, waiting to be grouped into lists. */
interface ListParagraph {
  paragraph: JSONContent;
  numPr: NumPr;
  ordered: boolean;
  start: number;
  abstractId: string;
  restart: boolean;
}

type Block = { node: JSONContent } | { item: ListParagraph };

const CONTAINERS = new Set(["w:customXml", "w:smartTag", "w:bdo", "w:dir", "w:fldSimple"]);

/** Reads the body of document.xml into blocks of the shared schema. */
export function readBody(document: XmlElement, ctx: BodyContext): Blocks {
  const reader = new BodyReader(ctx);
  const blocks = reader.container(child(document, "w:body") ?? document);
  reader.dropOrphanAnchor();
  return blocks;
}

class BodyReader {
  /** A paragraph mark revision of the block before, owed as an anchor at the start of the next block. */
  private pendingStart: { kind: RevisionKind; key: string; endAnchorIn: JSONContent[] } | null = null;
  /** Word's counters: per list definition, the last number given at each level. */
  private readonly counters = new Map<string, (number | undefined)[]>();
  private readonly startedNums = new Set<string>();
  /** Inside a header row: its cells are bold by their role, so bold there is the row's look, not a mark. */
  private inHeaderRow = false;

  constructor(private readonly ctx: BodyContext) {}

  /**
   * A paragraph mark revision with no paragraph after it in its container (the last in a
   * cell or the body, or before a table) has no boundary to anchor: its end anchor is
   * removed (and counted), its text keeps its own marks.
   */
  dropOrphanAnchor(): void {
    const pending = this.pendingStart;
    this.pendingStart = null;
    if (!pending) return;
    const last = pending.endAnchorIn[pending.endAnchorIn.length - 1];
    if (last?.type === "text" && last.text === ZWSP) pending.endAnchorIn.pop();
    this.ctx.report.skip("other");
  }

  /** The blocks of a container (body, table cell): paragraphs, tables, lists grouped. */
  container(el: XmlElement): Blocks {
    const blocks: Block[] = [];
    this.collectBlocks(el, blocks);
    return this.groupLists(blocks);
  }

  private collectBlocks(el: XmlElement, out: Block[]): void {
    for (const c of elements(el)) {
      switch (c.name) {
        case "w:p":
          out.push(this.paragraph(c));
          break;
        case "w:tbl":
          out.push({ node: this.table(c) });
          break;
        case "w:sdt":
          this.collectBlocks(child(c, "w:sdtContent") ?? c, out);
          break;
        case "w:customXml":
        case "w:ins":
        case "w:del":
        case "w:moveTo":
        case "w:moveFrom":
          // Block-level wrappers (Word writes row and cell revisions elsewhere): their paragraphs count as usual.
          this.collectBlocks(c, out);
          break;
        case "mc:AlternateContent":
          this.collectBlocks(this.alternative(c), out);
          break;
        case "w:altChunk":
          this.ctx.report.skip("other");
          break;
      }
    }
  }

  /** The branch of `mc:AlternateContent` a reader that knows no extensions takes: the fallback, else the first choice. */
  private alternative(el: XmlElement): XmlElement {
    return child(el, "mc:Fallback") ?? child(el, "mc:Choice") ?? el;
  }

  private paragraph(p: XmlElement): Block {
    const { styles, numbering, report } = this.ctx;
    const pPr = child(p, "w:pPr");
    const styleId = valOf(pPr, "w:pStyle");
    if (child(pPr, "w:pPrChange")) report.skip("formatChanges");
    const markRPr = child(pPr, "w:rPr");
    if (child(markRPr, "w:rPrChange")) report.skip("formatChanges");
    const base = styles.paragraphRun(styleId);
    const direct = outlineLevelOf(pPr);
    const outline = direct !== undefined ? direct : styles.outlineLevel(styleId);

    const content: JSONContent[] = [];
    const start = this.pendingStart;
    this.pendingStart = null;
    if (start) content.push(textNode(ZWSP, [revisionMark(start)]));
    // Heading styles carry their look (bold, size); the heading is the structure, not bold text.
    this.inline(p, content, outline !== null ? {} : base, { revision: null, href: null });

    const mark = this.markRevision(markRPr);
    if (mark) {
      content.push(textNode(ZWSP, [revisionMark(mark)]));
      this.pendingStart = { ...mark, endAnchorIn: content };
    }

    if (outline !== null) {
      report.keep("headings");
      return { node: block("heading", content, { level: Math.min(MAX_HEADING, outline + 1) }) };
    }
    const numPr = numPrOf(pPr);
    const list = numPr === undefined ? styles.paragraphNumPr(styleId) : numPr;
    const level = list ? numbering.level(list.numId, list.ilvl) : null;
    const paragraph = block("paragraph", content);
    if (list && level) {
      report.keep("listItems");
      return { item: { paragraph, numPr: list, ...level } };
    }
    report.keep("paragraphs");
    return { node: paragraph };
  }

  /** `w:pPr/w:rPr/w:ins|w:del`: the paragraph mark itself was inserted (a split, a new paragraph) or deleted (a join). */
  private markRevision(rPr: XmlElement | undefined): { kind: RevisionKind; key: string } | null {
    for (const [name, kind] of [
      ["w:ins", "insertion"],
      ["w:moveTo", "insertion"],
      ["w:del", "deletion"],
      ["w:moveFrom", "deletion"],
    ] as const) {
      const el = child(rPr, name);
      if (el) {
        if (name.startsWith("w:move")) this.ctx.report.skip("moves");
        return { kind, key: this.ctx.revisions.keyOf(el, kind) };
      }
    }
    return null;
  }

  private inline(el: XmlElement, out: JSONContent[], base: RunProps, state: InlineState): void {
    const { report, revisions, links } = this.ctx;
    for (const c of elements(el)) {
      switch (c.name) {
        case "w:r":
          this.run(c, out, base, state);
          break;
        case "w:ins":
        case "w:moveTo":
        case "w:del":
        case "w:moveFrom": {
          const kind: RevisionKind = c.name === "w:ins" || c.name === "w:moveTo" ? "insertion" : "deletion";
          if (c.name.startsWith("w:move")) report.skip("moves");
          const key = revisions.keyOf(c, kind);
          const outer = state.revision;
          const revision: Revision =
            outer === "dropped" || (outer && outer.kind !== kind) ? "dropped" : outer ? outer : { kind, key };
          if (revision === "dropped" && outer !== "dropped") report.skip("other");
          this.inline(c, out, base, { ...state, revision });
          break;
        }
        case "w:hyperlink": {
          const id = c.attrs["r:id"];
          const href = id ? (links.get(id) ?? null) : null;
          const before = out.length;
          this.inline(c, out, base, { ...state, href: href ?? state.href });
          if (href && out.slice(before).some((n) => n.type === "text")) report.keep("links");
          break;
        }
        case "w:sdt":
          this.inline(child(c, "w:sdtContent") ?? c, out, base, state);
          break;
        case "w:fldSimple":
          // The field's result is ordinary text and is kept; the field itself is not.
          report.skip("fields");
          this.inline(c, out, base, state);
          break;
        case "w:commentRangeStart":
        case "w:commentRangeEnd": {
          const id = c.attrs["w:id"];
          if (id !== undefined) out.push(anchor(id, c.name === "w:commentRangeStart" ? "start" : "end"));
          break;
        }
        case "mc:AlternateContent":
          this.inline(this.alternative(c), out, base, state);
          break;
        case "m:oMath":
        case "m:oMathPara":
          report.skip("other");
          break;
        default:
          if (CONTAINERS.has(c.name)) this.inline(c, out, base, state);
      }
    }
  }

  private run(r: XmlElement, out: JSONContent[], base: RunProps, state: InlineState): void {
    const { styles, report } = this.ctx;
    const rPr = child(r, "w:rPr");
    if (child(rPr, "w:rPrChange")) report.skip("formatChanges");
    // Hidden text (Word's "Ausgeblendet") is not shown or printed; Accord has no hidden text, so it is left out and counted.
    if (onOff(rPr, "w:vanish") === true) {
      if (elements(r).some((c) => c.name === "w:t" || c.name === "w:delText")) report.skip("other");
      return;
    }
    const character = styles.characterRun(valOf(rPr, "w:rStyle"));
    // Word's Hyperlink style underlines every link: that is how a link looks, not an underline the author made.
    const styled = historyRunsProps(base, state.href ? { ...character, underline: undefined } : character);
    const props = historyRunsProps(styled, runPropsOf(rPr));
    if (this.inHeaderRow) props.bold = false;
    const marks = marksOf(props, state);
    const emit = (text: string) => {
      const clean = text.replaceAll(ZWSP, "");
      if (clean && state.revision !== "dropped") out.push(textNode(clean, marks));
    };
    const inDeletion = state.revision !== null && state.revision !== "dropped" && state.revision.kind === "deletion";
    for (const c of elements(r)) {
      switch (c.name) {
        case "w:t":
          // Text outside a deletion is shown; a w:t inside w:del is what a sloppy writer puts there, kept as deleted.
          emit(textOf(c));
          break;
        case "w:delText":
          // Deleted text outside a deletion is no text Word shows; inside a dropped insertion it is already counted.
          if (inDeletion) emit(textOf(c));
          else if (state.revision !== "dropped") report.skip("other");
          break;
        case "w:tab":
        case "w:ptab":
          emit("\t");
          break;
        case "w:noBreakHyphen":
          emit("\u2011");
          break;
        case "w:softHyphen":
          emit("\u00AD");
          break;
        case "w:br":
        case "w:cr": {
          const type = c.attrs["w:type"];
          if (type === "page" || type === "column") break;
          if (state.revision !== "dropped") out.push({ type: "hardBreak", ...(marks.length ? { marks } : {}) });
          break;
        }
        case "w:drawing":
        case "w:pict":
        case "w:object":
          report.skip([...descendants(c)].some((d) => d.name === "w:txbxContent") ? "textBoxes" : "images");
          break;
        case "mc:AlternateContent": {
          const chosen = this.alternative(c);
          const hasBox = [...descendants(chosen)].some((d) => d.name === "w:txbxContent");
          report.skip(hasBox ? "textBoxes" : "images");
          break;
        }
        case "w:footnoteReference":
          report.skip("footnotes");
          break;
        case "w:endnoteReference":
          report.skip("endnotes");
          break;
        case "w:fldChar":
          if (c.attrs["w:fldCharType"] === "begin") report.skip("fields");
          break;
        case "w:commentReference": {
          const id = c.attrs["w:id"];
          if (id !== undefined) out.push(anchor(id, "reference"));
          break;
        }
        case "w:sym":
          report.skip("other");
          break;
      }
    }
  }

  private table(tbl: XmlElement): JSONContent {
    const { report } = this.ctx;
    report.keep("tables");
    if (child(child(tbl, "w:tblPr"), "w:tblPrChange")) report.skip("formatChanges");
    // A paragraph mark revision does not reach across into a table.
    this.dropOrphanAnchor();
    const rows = rowsOf(tbl);
    type Placed = { tc: XmlElement; column: number; span: number; merge: "restart" | "continue" | null };
    const grid: Placed[][] = rows.map((tr) => {
      const trPr = child(tr, "w:trPr");
      let column = Number.parseInt(valOf(trPr, "w:gridBefore") ?? "0", 10) || 0;
      return cellsOf(tr).map((tc) => {
        const tcPr = child(tc, "w:tcPr");
        const span = Math.max(1, Number.parseInt(valOf(tcPr, "w:gridSpan") ?? "1", 10) || 1);
        const vMerge = child(tcPr, "w:vMerge");
        const merge = vMerge ? (vMerge.attrs["w:val"] === "restart" ? "restart" : "continue") : null;
        const placed: Placed = { tc, column, span, merge };
        column += span;
        return placed;
      });
    });
    // Cells by the grid column they start at: looked up, not searched, so a row of thousands of cells stays linear.
    const byColumn = grid.map((row) => new Map(row.map((placed) => [placed.column, placed])));
    const content = rows.map((tr, r) => {
      const trPr = child(tr, "w:trPr");
      // A tracked row insertion or deletion has no mark of its own in Accord; its cells' text keeps theirs.
      if (child(trPr, "w:ins") || child(trPr, "w:del")) report.skip("other");
      if (child(trPr, "w:trPrChange")) report.skip("formatChanges");
      const header = onOff(trPr, "w:tblHeader") === true;
      const cells: JSONContent[] = [];
      for (const placed of grid[r] ?? []) {
        const above = byColumn[r - 1]?.get(placed.column);
        // A continuation cell belongs to the cell above it; one with nothing above starts its own.
        if (placed.merge === "continue" && above && above.merge !== null) continue;
        let rowspan = 1;
        if (placed.merge !== null) {
          for (let below = r + 1; below < grid.length; below++) {
            const next = byColumn[below]?.get(placed.column);
            if (next?.merge !== "continue") break;
            rowspan++;
          }
        }
        if (placed.span > MAX_COLSPAN || rowspan > MAX_ROWSPAN) report.skip("mergedCells");
        if (child(child(placed.tc, "w:tcPr"), "w:tcPrChange")) report.skip("formatChanges");
        this.dropOrphanAnchor();
        const outer = this.inHeaderRow;
        this.inHeaderRow = header;
        const blocks = this.container(placed.tc);
        this.inHeaderRow = outer;
        this.dropOrphanAnchor();
        cells.push({
          type: header ? "tableHeader" : "tableCell",
          attrs: {
            colspan: Math.min(MAX_COLSPAN, placed.span),
            rowspan: Math.min(MAX_ROWSPAN, rowspan),
            colwidth: null,
          },
          content: blocks.length ? blocks : [{ type: "paragraph" }],
        });
      }
      return { type: "tableRow", content: cells };
    });
    return { type: "table", content };
  }

  /** Consecutive list paragraphs become nested bullet and ordered lists; numbering continues per definition as in Word. */
  private groupLists(blocks: Block[]): Blocks {
    const out: JSONContent[] = [];
    type Open = { list: JSONContent; ilvl: number; abstractId: string; ordered: boolean };
    let stack: Open[] = [];
    for (const b of blocks) {
      if ("node" in b) {
        stack = [];
        out.push(b.node);
        continue;
      }
      const { item } = b;
      const { ilvl } = item.numPr;
      const levels = this.counters.get(item.abstractId) ?? [];
      this.counters.set(item.abstractId, levels);
      const restart = item.restart && !this.startedNums.has(`${item.numPr.numId}:${ilvl}`);
      this.startedNums.add(`${item.numPr.numId}:${ilvl}`);
      if (restart) levels[ilvl] = item.start - 1;
      // A higher level item restarts the levels below it.
      levels.length = Math.min(levels.length, ilvl + 1);
      while (stack.length && (stack[stack.length - 1] as Open).ilvl > ilvl) stack.pop();
      const top = stack[stack.length - 1];
      if (top && top.ilvl === ilvl && (top.abstractId !== item.abstractId || top.ordered !== item.ordered || restart))
        stack.pop();
      let current = stack[stack.length - 1];
      if (!current || current.ilvl < ilvl) {
        const count = levels[ilvl] ?? item.start - 1;
        const list: JSONContent = item.ordered
          ? { type: "orderedList", attrs: { start: Math.min(MAX_START, Math.max(MIN_START, count + 1)) }, content: [] }
          : { type: "bulletList", content: [] };
        const parentItem = current?.list.content?.[current.list.content.length - 1];
        if (parentItem) parentItem.content?.push(list);
        else out.push(list);
        current = { list, ilvl, abstractId: item.abstractId, ordered: item.ordered };
        stack.push(current);
      }
      current.list.content?.push({ type: "listItem", content: [item.paragraph] });
      levels[ilvl] = (levels[ilvl] ?? item.start - 1) + 1;
    }
    return out;
  }
}

function rowsOf(tbl: XmlElement): XmlElement[] {
  const rows: XmlElement[] = [];
  for (const c of elements(tbl)) {
    if (c.name === "w:tr") rows.push(c);
    else if (c.name === "w:sdt" || c.name === "w:customXml") rows.push(...rowsOf(child(c, "w:sdtContent") ?? c));
  }
  return rows;
}

function cellsOf(tr: XmlElement): XmlElement[] {
  const cells: XmlElement[] = [];
  for (const c of elements(tr)) {
    if (c.name === "w:tc") cells.push(c);
    else if (c.name === "w:sdt" || c.name === "w:customXml") cells.push(...cellsOf(child(c, "w:sdtContent") ?? c));
  }
  return cells;
}

const anchor = (id: string, edge: CommentAnchor["edge"]): JSONContent =>
  ({ type: "__comment", id, edge }) as unknown as JSONContent;

const revisionMark = (r: { kind: RevisionKind; key: string }) => ({ type: r.kind, attrs: { id: r.key } });

function marksOf(props: RunProps, state: InlineState): NonNullable<JSONContent["marks"]> {
  const marks: NonNullable<JSONContent["marks"]> = [];
  if (props.bold) marks.push({ type: "bold" });
  if (props.italic) marks.push({ type: "italic" });
  if (props.underline) marks.push({ type: "underline" });
  if (props.strike) marks.push({ type: "strike" });
  if (state.href) marks.push({ type: "link", attrs: { href: state.href } });
  if (state.revision && state.revision !== "dropped") marks.push(revisionMark(state.revision));
  return marks;
}

const textNode = (text: string, marks: NonNullable<JSONContent["marks"]>): JSONContent =>
  marks.length ? { type: "text", text, marks } : { type: "text", text };

const block = (type: string, content: JSONContent[], attrs?: Record<string, unknown>): JSONContent => ({
  type,
  ...(attrs ? { attrs } : {}),
  ...(content.length ? { content } : {}),
});
