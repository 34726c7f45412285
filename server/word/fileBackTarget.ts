import type { Mark, Node as PMNode, Schema } from "@tiptap/pm/model";
import { isSuggestionMark } from "../../shared/suggestions/marks.ts";
import { withAllAccepted, withAllRejected } from "../../shared/suggestions/outcomes.ts";
import { DocxImportError, type SkippedKind } from "./imported.ts";

/**
 * The live document's target when a Word file comes back: VERSION's blocks where the file
 * left them, the file's own tracked changes where it only tracked, and every untracked
 * difference as a suggestion of the importing user (`newId`).
 *
 * Alignment, like the redline's: top-level blocks are compared by type and text. The
 * file's blocks are grouped into units (blocks joined by a tracked paragraph mark, the
 * "\u200B" anchors), and a unit whose Reject All reads as consecutive VERSION blocks is
 * taken as it is, tracked changes and all. Between those, VERSION's blocks are paired with
 * the file's (Accept All) in order: text blocks get a word diff as insertion and deletion
 * marks, blocks only one side has become a suggested new or removed paragraph. The tracked
 * changes of a unit that also has untracked edits are taken as accepted (the diff then
 * makes them the user's). Lists and tables that differ are kept as VERSION has them and
 * counted in `skipped`: only their unchanged or Word-tracked state comes back.
 */
export interface FileBackTarget {
  doc: PMNode;
  /** The file's position → the target's, for passages taken from the file as they were; null elsewhere. */
  mapPosition(pos: number): number | null;
  skipped: Partial<Record<SkippedKind, number>>;
}

const ZWSP = "\u200B";

function suggestionMark(schema: Schema, name: "insertion" | "deletion") {
  const type = schema.marks[name];
  if (!type) throw new Error(`the schema has no ${name} mark`);
  return type;
}

/** The suggestion ids a node carries. */
export function suggestionIdsIn(node: PMNode): Set<string> {
  const ids = new Set<string>();
  node.descendants((n) => {
    for (const m of n.marks) if (isSuggestionMark(m.type.name) && typeof m.attrs.id === "string") ids.add(m.attrs.id);
  });
  return ids;
}

const textOf = (node: PMNode): string => {
  if (node.isText) return node.text ?? "";
  if (node.type.name === "hardBreak") return "\n";
  let out = "";
  node.forEach((child) => {
    out += textOf(child);
  });
  return node.isBlock && !node.isTextblock ? `${out}\u0001` : out;
};

/** What two blocks are compared by: type and text (formatting is VERSION's). */
const keyOf = (node: PMNode) => `${node.type.name}\u0000${textOf(node).replaceAll(ZWSP, "")}`;

const hasSuggestions = (node: PMNode): boolean => {
  let found = false;
  node.descendants((n) => {
    if (n.marks.some((m) => isSuggestionMark(m.type.name))) found = true;
    return !found;
  });
  return found;
};

/** A text block that ends in a tracked paragraph mark: it and the next block are one unit. */
function joinsNext(block: PMNode): boolean {
  if (!block.isTextblock) return false;
  const last = block.lastChild;
  return !!last?.isText && (last.text ?? "").endsWith(ZWSP) && last.marks.some((m) => isSuggestionMark(m.type.name));
}

interface Unit {
  blocks: PMNode[];
  /** Position of the unit's first block in the file. */
  start: number;
  rejected: PMNode[];
  accepted: PMNode[];
}

function unitsOf(schema: Schema, file: PMNode): Unit[] {
  const units: Unit[] = [];
  let current: PMNode[] = [];
  let start = 0;
  let pos = 0;
  file.forEach((block) => {
    if (current.length === 0) start = pos;
    current.push(block);
    pos += block.nodeSize;
    if (!joinsNext(block)) {
      units.push(finish(schema, current, start));
      current = [];
    }
  });
  if (current.length > 0) units.push(finish(schema, current, start));
  return units;
}

function finish(schema: Schema, blocks: PMNode[], start: number): Unit {
  const doc = schema.node("doc", null, blocks);
  const children = (d: PMNode) => {
    const out: PMNode[] = [];
    d.forEach((b) => {
      out.push(b);
    });
    return out;
  };
  const tracked = hasSuggestions(doc);
  return {
    blocks,
    start,
    rejected: tracked ? children(withAllRejected(doc)) : blocks,
    accepted: tracked ? children(withAllAccepted(doc)) : blocks,
  };
}

/** A block with every suggestion in it rejected. */
function rejected(schema: Schema, block: PMNode): PMNode {
  return withAllRejected(schema.node("doc", null, [block])).firstChild ?? block;
}

/** A block with every suggestion in it accepted. */
function accepted(schema: Schema, block: PMNode): PMNode {
  return withAllAccepted(schema.node("doc", null, [block])).firstChild ?? block;
}

/** Longest common subsequence of two key lists, as index pairs in order. */
export function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  const table = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = table[i] as Uint32Array;
      const below = table[i + 1] as Uint32Array;
      row[j] = a[i] === b[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (((table[i + 1] as Uint32Array)[j] as number) >= ((table[i] as Uint32Array)[j + 1] as number)) i++;
    else j++;
  }
  return pairs;
}

/** One character (or inline node) of a text block with its marks. */
interface Atom {
  ch: string;
  marks: readonly Mark[];
  node: PMNode | null;
}

function atomsOf(block: PMNode): Atom[] {
  const atoms: Atom[] = [];
  block.forEach((child) => {
    if (child.isText) for (const ch of child.text ?? "") atoms.push({ ch, marks: child.marks, node: null });
    else atoms.push({ ch: child.type.name === "hardBreak" ? "\n" : "\uFFFC", marks: child.marks, node: child });
  });
  return atoms;
}

const tokenClass = (ch: string) => (/[\p{L}\p{N}_]/u.test(ch) ? 1 : /\s/u.test(ch) ? 2 : 0);

/** Words, runs of space and single other characters. */
function tokensOf(atoms: readonly Atom[]): Atom[][] {
  const tokens: Atom[][] = [];
  for (const atom of atoms) {
    const last = tokens[tokens.length - 1];
    const cls = atom.node ? 0 : tokenClass(atom.ch);
    const prev = last?.[last.length - 1];
    if (last && prev && !prev.node && cls !== 0 && tokenClass(prev.ch) === cls) last.push(atom);
    else tokens.push([atom]);
  }
  return tokens;
}

function inlineOf(schema: Schema, atoms: readonly Atom[]): PMNode[] {
  const out: PMNode[] = [];
  let run = "";
  let runMarks: readonly Mark[] = [];
  const flush = () => {
    if (run) out.push(schema.text(run, runMarks));
    run = "";
  };
  for (const atom of atoms) {
    if (atom.node) {
      flush();
      out.push(atom.node.mark(atom.marks));
    } else if (run && sameMarks(runMarks, atom.marks)) run += atom.ch;
    else {
      flush();
      run = atom.ch;
      runMarks = atom.marks;
    }
  }
  flush();
  return out;
}

const sameMarks = (a: readonly Mark[], b: readonly Mark[]) =>
  a.length === b.length && a.every((m, i) => m.eq(b[i] as Mark));

/** Adds a suggestion mark to atoms that carry none yet (a pending suggestion stays as it is). */
const marked = (atoms: readonly Atom[], mark: Mark): Atom[] =>
  atoms.map((a) => (a.marks.some((m) => isSuggestionMark(m.type.name)) ? a : { ...a, marks: mark.addToSet(a.marks) }));

/** Past this many tokens a side, a changed block is taken as removed and written anew. */
const MAX_TOKENS = 3000;

/**
 * VERSION's text block changed into `after`'s text: equal words stay VERSION's (with its
 * formatting), removed words get a deletion mark, new words an insertion mark, each run a
 * suggestion of its own. Null when nothing differs.
 */
export function wordDiff(schema: Schema, before: PMNode, after: PMNode, newId: () => string): PMNode | null {
  const a = tokensOf(atomsOf(before));
  const b = tokensOf(atomsOf(after));
  const key = (t: Atom[]) => t.map((x) => x.ch).join("");
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) return null;
  const pairs = lcsPairs(a.map(key), b.map(key));
  if (pairs.length === a.length && a.length === b.length) return null;
  const out: Atom[] = [];
  let i = 0;
  let j = 0;
  const gap = (toI: number, toJ: number) => {
    if (toI > i)
      out.push(...marked(a.slice(i, toI).flat(), suggestionMark(schema, "deletion").create({ id: newId() })));
    if (toJ > j)
      out.push(...marked(b.slice(j, toJ).flat(), suggestionMark(schema, "insertion").create({ id: newId() })));
  };
  for (const [pi, pj] of pairs) {
    gap(pi, pj);
    out.push(...(a[pi] as Atom[]));
    i = pi + 1;
    j = pj + 1;
  }
  gap(a.length, b.length);
  return before.type.create(before.attrs, inlineOf(schema, out), before.marks);
}

const hasMark = (atom: Atom, name: string) => atom.marks.some((m) => m.type.name === name);

/**
 * Like `wordDiff`, for a file block that also has tracked changes: the diff is taken between
 * VERSION's text and the file's Reject All, so the file's tracked insertions and deletions
 * stay as they are (with their Word origins) and only what differs beyond them becomes the
 * user's own suggestion. Text the file deleted (tracked) that VERSION never had is dropped:
 * it reads the same either way.
 */
export function trackedWordDiff(schema: Schema, before: PMNode, file: PMNode, newId: () => string): PMNode | null {
  const fileAtoms = atomsOf(file);
  const rejected = fileAtoms.filter((a) => !hasMark(a, "insertion"));
  const a = tokensOf(atomsOf(before));
  const b = tokensOf(rejected);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) return null;
  const key = (t: Atom[]) => t.map((x) => x.ch).join("");
  const pairs = lcsPairs(a.map(key), b.map(key));
  // For each atom of the file's Reject All: VERSION's atom it equals, or an insertion id.
  const equal = new Map<Atom, Atom>();
  const inserted = new Map<Atom, Mark>();
  // VERSION's atoms removed before a Reject All atom (or at the end: null).
  const removedBefore = new Map<Atom | null, Atom[]>();
  let i = 0;
  let j = 0;
  const gap = (toI: number, toJ: number) => {
    if (toI > i) {
      const at = (b[j]?.[0] as Atom | undefined) ?? null;
      const mark = suggestionMark(schema, "deletion").create({ id: newId() });
      removedBefore.set(at, [...(removedBefore.get(at) ?? []), ...marked(a.slice(i, toI).flat(), mark)]);
    }
    if (toJ > j) {
      const mark = suggestionMark(schema, "insertion").create({ id: newId() });
      for (const atom of b.slice(j, toJ).flat()) inserted.set(atom, mark);
    }
  };
  for (const [pi, pj] of pairs) {
    gap(pi, pj);
    const va = a[pi] as Atom[];
    (b[pj] as Atom[]).forEach((atom, k) => {
      equal.set(atom, va[k] as Atom);
    });
    i = pi + 1;
    j = pj + 1;
  }
  gap(a.length, b.length);
  const out: Atom[] = [];
  for (const atom of fileAtoms) {
    if (hasMark(atom, "insertion")) {
      out.push(atom);
      continue;
    }
    out.push(...(removedBefore.get(atom) ?? []));
    const same = equal.get(atom);
    const tracked = atom.marks.find((m) => m.type.name === "deletion");
    if (same) out.push(tracked ? (marked([same], tracked)[0] as Atom) : same);
    else if (!tracked) out.push(...marked([atom], inserted.get(atom) as Mark));
  }
  out.push(...(removedBefore.get(null) ?? []));
  return before.type.create(before.attrs, inlineOf(schema, out), before.marks);
}

/** A whole text block suggested (inserted or removed): every character of it marked. */
const wholeBlock = (schema: Schema, block: PMNode, mark: Mark) =>
  block.type.create(block.attrs, inlineOf(schema, marked(atomsOf(block), mark)), block.marks);

/** `block` with a "\u200B" carrying `mark` at its end or start (a tracked paragraph mark's anchor). */
function anchored(schema: Schema, block: PMNode, mark: Mark, where: "end" | "start"): PMNode {
  const atoms = atomsOf(block);
  const zwsp: Atom = { ch: ZWSP, marks: [mark], node: null };
  return block.type.create(
    block.attrs,
    inlineOf(schema, where === "end" ? [...atoms, zwsp] : [zwsp, ...atoms]),
    block.marks,
  );
}

/** Most cells (VERSION's blocks × the file's) the block alignment fills: 4 bytes each, 100 MB. */
const MAX_ALIGNMENT_CELLS = 25_000_000;

type Piece =
  | { kind: "keep"; block: PMNode; from?: { start: number; unit: Unit } }
  | { kind: "new" | "gone"; block: PMNode };

/**
 * Builds the target from VERSION's content and the file (its cover block already dropped).
 * `newId` makes a fresh suggestion id of the importing user. Throws `DocxImportError`
 * ("too_complex") when the two have too many blocks to align (MAX_ALIGNMENT_CELLS).
 */
export function fileBackTarget(schema: Schema, version: PMNode, file: PMNode, newId: () => string): FileBackTarget {
  const skipped: Partial<Record<SkippedKind, number>> = {};
  const skip = (kind: SkippedKind) => {
    skipped[kind] = (skipped[kind] ?? 0) + 1;
  };
  const vBlocks: PMNode[] = [];
  version.forEach((b) => {
    vBlocks.push(b);
  });
  const units = unitsOf(schema, file);
  // Flattened rejected blocks of the file, each knowing its unit.
  const flat: { unit: number; key: string }[] = [];
  units.forEach((u, index) => {
    for (const b of u.rejected) flat.push({ unit: index, key: keyOf(b) });
  });
  // The alignment's table has a cell per pair of blocks, and the file's side is the uploader's
  // to choose (a few KB of empty paragraphs are hundreds of thousands of blocks).
  if (vBlocks.length * flat.length > MAX_ALIGNMENT_CELLS) {
    throw new DocxImportError(
      "too_complex",
      `the file's ${flat.length} blocks cannot be compared with the version's ${vBlocks.length}`,
    );
  }
  const pairs = lcsPairs(
    // VERSION's pending suggestions come back in its export as tracked changes: compare Reject Alls.
    vBlocks.map((b) => keyOf(hasSuggestions(b) ? rejected(schema, b) : b)),
    flat.map((f) => f.key),
  );
  // A unit is taken whole when every one of its rejected blocks matched, consecutively.
  const matchedOf = new Map<number, number[]>();
  for (const [vi, fi] of pairs) {
    const u = (flat[fi] as { unit: number }).unit;
    matchedOf.set(u, [...(matchedOf.get(u) ?? []), vi]);
  }
  const clean = new Map<number, number[]>();
  for (const [u, vis] of matchedOf) {
    const unit = units[u] as Unit;
    const consecutive = vis.every((v, k) => k === 0 || v === (vis[k - 1] as number) + 1);
    if (vis.length === unit.rejected.length && consecutive) clean.set(u, vis);
  }
  const pieces: Piece[] = [];
  let vi = 0;
  let ui = 0;
  const flushGap = (vEnd: number, uEnd: number) => {
    const before = vBlocks.slice(vi, vEnd);
    // A unit of one block keeps its tracked changes for the diff; longer ones are taken accepted.
    const after = units
      .slice(ui, uEnd)
      .flatMap((u) => (u.blocks.length === 1 && u.rejected.length === 1 ? u.blocks : u.accepted));
    const n = Math.max(before.length, after.length);
    for (let k = 0; k < n; k++) {
      const v = before[k];
      const f = after[k];
      if (v && f && v.isTextblock && f.isTextblock) {
        if (v.type !== f.type) skip("formatChanges");
        const diff = hasSuggestions(f) ? trackedWordDiff(schema, v, f, newId) : wordDiff(schema, v, f, newId);
        pieces.push({ kind: "keep", block: diff ?? v });
      } else if (v && f) {
        if (keyOf(v) !== keyOf(f)) skip("other");
        pieces.push({ kind: "keep", block: v });
      } else if (v) {
        if (v.isTextblock) pieces.push({ kind: "gone", block: v });
        else {
          skip("other");
          pieces.push({ kind: "keep", block: v });
        }
      } else if (f) {
        if (f.isTextblock) pieces.push({ kind: "new", block: hasSuggestions(f) ? accepted(schema, f) : f });
        else skip("other");
      }
    }
    vi = vEnd;
    ui = uEnd;
  };
  for (let u = 0; u < units.length; u++) {
    const vis = clean.get(u);
    if (!vis || (vis[0] as number) < vi) continue;
    flushGap(vis[0] as number, u);
    const unit = units[u] as Unit;
    const tracked = unit.blocks.some(hasSuggestions);
    const versionBlocks = vis.map((v) => vBlocks[v] as PMNode);
    const sameAccepted = (): boolean =>
      versionBlocks.map((b) => keyOf(accepted(schema, b))).join("\u0002") === unit.accepted.map(keyOf).join("\u0002");
    if (tracked && versionBlocks.some(hasSuggestions) && sameAccepted()) {
      // The file left VERSION's pending suggestions as they were: they stay VERSION's (no second copy).
      for (const b of versionBlocks) pieces.push({ kind: "keep", block: b });
    } else if (tracked) {
      let start = unit.start;
      for (const block of unit.blocks) {
        pieces.push({ kind: "keep", block, from: { start, unit } });
        start += block.nodeSize;
      }
    } else {
      // Unchanged: VERSION's own blocks (its formatting, its identity in the Y doc).
      let start = unit.start;
      vis.forEach((v, k) => {
        pieces.push({ kind: "keep", block: vBlocks[v] as PMNode, from: { start, unit } });
        start += (unit.blocks[k] as PMNode).nodeSize;
      });
    }
    vi = (vis[vis.length - 1] as number) + 1;
    ui = u + 1;
  }
  flushGap(vBlocks.length, units.length);
  return { ...assemble(schema, pieces, newId, skip), skipped };
}

function assemble(
  schema: Schema,
  pieces: Piece[],
  newId: () => string,
  skip: (kind: SkippedKind) => void,
): Omit<FileBackTarget, "skipped"> {
  const blocks: (PMNode | null)[] = [];
  const sources: ({ start: number; size: number } | null)[] = [];
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k] as Piece;
    if (piece.kind === "keep") {
      blocks.push(piece.block);
      sources.push(piece.from ? { start: piece.from.start, size: piece.block.nodeSize } : null);
      continue;
    }
    const mark = suggestionMark(schema, piece.kind === "new" ? "insertion" : "deletion").create({ id: newId() });
    const prevIndex = blocks.length - 1;
    const prev = blocks[prevIndex];
    const next = pieces[k + 1]?.block;
    const body = wholeBlock(schema, piece.block, mark);
    if (prev?.isTextblock) {
      // The paragraph mark between the block before and this one is what is inserted or removed.
      blocks[prevIndex] = anchored(schema, prev, mark, "end");
      sources[prevIndex] = null;
      blocks.push(anchored(schema, body, mark, "start"));
    } else if (!prev && next?.isTextblock) {
      blocks.push(anchored(schema, body, mark, "end"));
      const following = pieces[k + 1] as Piece;
      pieces[k + 1] = { ...following, block: anchored(schema, next, mark, "start") } as Piece;
    } else {
      // No text block beside it to carry the paragraph mark: VERSION's block stays, a new one is left out.
      skip("other");
      if (piece.kind === "gone") blocks.push(piece.block);
      else continue;
    }
    sources.push(null);
  }
  const content = blocks.filter((b): b is PMNode => b !== null);
  const doc = schema.node("doc", null, content.length > 0 ? content : [schema.node("paragraph")]);
  // Where each block taken from the file starts in the target.
  const segments: { fileStart: number; size: number; targetStart: number }[] = [];
  let pos = 0;
  content.forEach((block, k) => {
    const source = sources[k];
    if (source) segments.push({ fileStart: source.start, size: source.size, targetStart: pos });
    pos += block.nodeSize;
  });
  return {
    doc,
    mapPosition(filePos) {
      const seg = segments.find((s) => filePos >= s.fileStart && filePos <= s.fileStart + s.size);
      return seg ? seg.targetStart + (filePos - seg.fileStart) : null;
    },
  };
}
