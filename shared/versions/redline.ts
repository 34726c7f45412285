import type { JSONContent } from "@tiptap/core";
import { diffArrays } from "diff";

/** Id of the marks a comparison sets: not a suggestion anyone made. */
export const REDLINE_ID = "redline";

type Mark = NonNullable<JSONContent["marks"]>[number];
const INSERTED: Mark = { type: "insertion", attrs: { id: REDLINE_ID } };
const DELETED: Mark = { type: "deletion", attrs: { id: REDLINE_ID } };
const SUGGESTION_MARKS = new Set(["insertion", "deletion", "modification"]);

/** The text of a node and its descendants. */
function textOf(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  return (node.content ?? []).map(textOf).join(node.type === "paragraph" || node.type === "heading" ? "" : "\n");
}

/** Blocks match when type, attributes and text are equal; formatting differences show within them. */
const signature = (node: JSONContent) => `${node.type}|${JSON.stringify(node.attrs ?? {})}|${textOf(node)}`;
const same = (a: JSONContent, b: JSONContent) => JSON.stringify(a) === JSON.stringify(b);

/** A node with every text inside it carrying `mark`. */
function markAll(node: JSONContent, mark: Mark): JSONContent {
  if (node.type === "text") return { ...node, marks: [...(node.marks ?? []), mark] };
  return node.content ? { ...node, content: node.content.map((c) => markAll(c, mark)) } : node;
}

/** Removes suggestion marks: a comparison shows text, not the suggestions pending in it. */
function withoutSuggestionMarks(node: JSONContent): JSONContent {
  const marks = node.marks?.filter((m) => !SUGGESTION_MARKS.has(m.type));
  const copy: JSONContent = { ...node };
  if (marks) {
    if (marks.length > 0) copy.marks = marks;
    else delete copy.marks;
  }
  if (node.content) copy.content = node.content.map(withoutSuggestionMarks);
  return copy;
}

interface Token {
  key: string;
  node: JSONContent;
}

/** Inline content as tokens: words, runs of spaces and punctuation, and inline nodes, each with its marks. */
function tokens(inline: readonly JSONContent[]): Token[] {
  const out: Token[] = [];
  for (const node of inline) {
    const marks = JSON.stringify(node.marks ?? []);
    if (node.type !== "text") {
      out.push({ key: `${node.type}${JSON.stringify(node.attrs ?? {})}${marks}`, node });
      continue;
    }
    for (const word of (node.text ?? "").match(/\s+|[\p{L}\p{N}'’-]+|[^\s\p{L}\p{N}]/gu) ?? []) {
      out.push({ key: `${word}\u0000${marks}`, node: { ...node, text: word } });
    }
  }
  return out;
}

/** Joins neighbouring text nodes with equal marks, so the result reads like an editor's document. */
function merged(nodes: JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const node of nodes) {
    const last = out.at(-1);
    if (
      last?.type === "text" &&
      node.type === "text" &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      out[out.length - 1] = { ...last, text: `${last.text ?? ""}${node.text ?? ""}` };
    } else out.push(node);
  }
  return out;
}

/** A word-level comparison of two blocks' inline content. */
function diffInline(from: readonly JSONContent[], to: readonly JSONContent[]): JSONContent[] {
  const a = tokens(from);
  const b = tokens(to);
  const out: JSONContent[] = [];
  let i = 0;
  let j = 0;
  for (const change of diffArrays(
    a.map((t) => t.key),
    b.map((t) => t.key),
  )) {
    const count = change.value.length;
    if (change.removed) {
      for (const t of a.slice(i, i + count)) out.push(markAll(t.node, DELETED));
      i += count;
    } else if (change.added) {
      for (const t of b.slice(j, j + count)) out.push(markAll(t.node, INSERTED));
      j += count;
    } else {
      for (const t of b.slice(j, j + count)) out.push(t.node);
      i += count;
      j += count;
    }
  }
  return merged(out);
}

const isTextblock = (node: JSONContent) =>
  (node.content ?? []).every((c) => c.type === "text" || c.type === "hardBreak") &&
  ["paragraph", "heading", "codeBlock"].includes(node.type ?? "");

/** Two blocks of the same kind, compared inside: words for text blocks, children for containers (lists, tables). */
function diffBlock(from: JSONContent, to: JSONContent): JSONContent {
  if (isTextblock(from) && isTextblock(to)) return { ...to, content: diffInline(from.content ?? [], to.content ?? []) };
  return { ...to, content: diffBlocks(from.content ?? [], to.content ?? []) };
}

/**
 * Sequences of blocks: aligned on equal blocks (longest common subsequence); between two
 * anchors, blocks of the same type are compared pairwise, the rest shown whole as
 * deleted or inserted.
 */
function diffBlocks(from: readonly JSONContent[], to: readonly JSONContent[]): JSONContent[] {
  const out: JSONContent[] = [];
  let i = 0;
  let j = 0;
  const changes = diffArrays(from.map(signature), to.map(signature));
  for (let c = 0; c < changes.length; c++) {
    const change = changes[c];
    if (!change) continue;
    const count = change.value.length;
    if (!change.added && !change.removed) {
      for (let k = 0; k < count; k++) {
        const a = from[i + k];
        const b = to[j + k];
        if (a && b) out.push(same(a, b) ? b : diffBlock(a, b));
      }
      i += count;
      j += count;
      continue;
    }
    // A removal followed by an addition is a changed stretch: pair blocks of one type.
    const removed = change.removed ? from.slice(i, i + count) : [];
    i += removed.length;
    const next = change.removed ? changes[c + 1] : undefined;
    const addedCount = change.added ? count : next?.added ? next.value.length : 0;
    if (next?.added && change.removed) c++;
    const added = to.slice(j, j + addedCount);
    j += addedCount;
    let r = 0;
    for (const b of added) {
      const match = removed.findIndex((a, k) => k >= r && a.type === b.type);
      if (match < 0) {
        out.push(markAll(b, INSERTED));
        continue;
      }
      for (const a of removed.slice(r, match)) out.push(markAll(a, DELETED));
      const a = removed[match];
      if (a) out.push(diffBlock(a, b));
      r = match + 1;
    }
    for (const a of removed.slice(r)) out.push(markAll(a, DELETED));
  }
  return out;
}

/**
 * One document showing how `to` differs from `from`: deleted words carry a `deletion`
 * mark, inserted words an `insertion` mark (id "redline"), by words within blocks, tables
 * and lists cell by cell. Renders with the editor's schema and its suggestion styles, and
 * exports as Word tracked changes.
 */
export function redlineDoc(from: JSONContent, to: JSONContent): JSONContent {
  const a = withoutSuggestionMarks(from);
  const b = withoutSuggestionMarks(to);
  return { type: "doc", content: diffBlocks(a.content ?? [], b.content ?? []) };
}
