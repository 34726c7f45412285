import type { Mark, Node as PMNode } from "@tiptap/pm/model";
import type { EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";

/**
 * The suggestion decorations of @handlewithcare/prosemirror-suggest-changes (its
 * getSuggestionDecorations: whole suggested blocks marked, a ¶ where a suggestion joins two
 * blocks), computed per top-level block and reused while the block and what the walk carries
 * into it are the same. The library walks the whole document on every state update (each
 * keystroke, each remote caret); this re-reads the blocks that changed. Same result: tested
 * against the library in suggestionDecorations.test.ts.
 */

/** What the library's walk carries from one text node to the next (it crosses block boundaries). */
interface Carry {
  parent: PMNode | null;
  deletion: Mark | undefined;
  insertion: Mark | undefined;
  /** Absolute end of the last text node: where a ¶ widget goes. */
  end: number;
}

type Spec =
  | { kind: "node"; from: number; to: number; attr: "data-node-deletion" | "data-node-insertion" }
  /** `at` relative to the block, or null: at the carried `end` (in an earlier block). */
  | { kind: "widget"; at: number | null; mark: "deletion" | "insertion"; id: string };

interface BlockResult {
  carryIn: Carry;
  specs: Spec[];
  /** The carry after the block, `end` relative to it; null when the block has no text (it passes the carry on). */
  carryOut: Carry | null;
}

const sameMark = (a: Mark | undefined, b: Mark | undefined) => (a ? !!b && a.attrs.id === b.attrs.id : !b);
const sameCarry = (a: Carry, b: Carry) =>
  a.parent === b.parent && sameMark(a.deletion, b.deletion) && sameMark(a.insertion, b.insertion);

function walkBlock(block: PMNode, blockPos: number, carryIn: Carry): BlockResult {
  const { deletion, insertion } = block.type.schema.marks;
  const specs: Spec[] = [];
  if (!deletion || !insertion) return { carryIn, specs, carryOut: null };
  let carry: Carry = { ...carryIn, end: carryIn.end - blockPos };
  let sawText = false;
  const visit = (node: PMNode, pos: number, parent: PMNode | null) => {
    if (node.isTextblock && node.childCount) {
      if (node.children.every((child) => deletion.isInSet(child.marks)))
        specs.push({ kind: "node", from: pos, to: pos + node.nodeSize, attr: "data-node-deletion" });
      if (node.children.every((child) => insertion.isInSet(child.marks)))
        specs.push({ kind: "node", from: pos, to: pos + node.nodeSize, attr: "data-node-insertion" });
    }
    if (node.type.name !== "text") return;
    const d = node.marks.find((m) => m.type === deletion);
    const i = node.marks.find((m) => m.type === insertion);
    const at = sawText ? carry.end : null;
    const last = carry;
    sawText = true;
    carry = { parent, deletion: d, insertion: i, end: pos + node.nodeSize };
    if (parent === last.parent) return;
    if ((!d || !last.deletion) && (!i || !last.insertion)) return;
    if (d?.attrs.id !== last.deletion?.attrs.id && i?.attrs.id !== last.insertion?.attrs.id) return;
    if (d) specs.push({ kind: "widget", at, mark: "deletion", id: String(d.attrs.id) });
    if (i) specs.push({ kind: "widget", at, mark: "insertion", id: String(i.attrs.id) });
  };
  visit(block, 0, null);
  block.descendants((node, pos, parent) => {
    visit(node, pos + 1, parent);
  });
  return { carryIn, specs, carryOut: sawText ? carry : null };
}

function pilcrow(): HTMLElement {
  const span = document.createElement("span");
  span.appendChild(document.createTextNode("¶"));
  return span;
}

/** Builds the decorations of a document, reusing the walk of each block from `cache`. */
export function suggestionDecorationsWith(cache: WeakMap<PMNode, BlockResult>, doc: PMNode): DecorationSet {
  const marks = doc.type.schema.marks;
  const decorations: Decoration[] = [];
  let carry: Carry = { parent: null, deletion: undefined, insertion: undefined, end: 0 };
  doc.forEach((block, blockPos) => {
    let result = cache.get(block);
    if (!result || !sameCarry(result.carryIn, carry)) {
      result = walkBlock(block, blockPos, carry);
      cache.set(block, result);
    }
    for (const spec of result.specs) {
      if (spec.kind === "node") {
        decorations.push(Decoration.node(blockPos + spec.from, blockPos + spec.to, { [spec.attr]: "true" }));
      } else {
        const type = marks[spec.mark];
        if (!type) continue;
        decorations.push(
          Decoration.widget(spec.at === null ? carry.end : blockPos + spec.at, pilcrow, {
            key: spec.id,
            marks: [type.create({ id: spec.id })],
          }),
        );
      }
    }
    if (result.carryOut) carry = { ...result.carryOut, end: blockPos + result.carryOut.end };
  });
  return DecorationSet.create(doc, decorations);
}

/** The `decorations` prop: per block as above, and once per document (selection-only updates cost a lookup). */
export function incrementalSuggestionDecorations(): (state: EditorState) => DecorationSet {
  const blocks = new WeakMap<PMNode, BlockResult>();
  const perDoc = new WeakMap<PMNode, DecorationSet>();
  return (state) => {
    let set = perDoc.get(state.doc);
    if (!set) {
      set = suggestionDecorationsWith(blocks, state.doc);
      perDoc.set(state.doc, set);
    }
    return set;
  };
}
