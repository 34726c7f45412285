import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
import { kip3Concept } from "../../server/seed/content/kip3Concept.ts";
import { demoFinanceGrids, demoGoalGrids } from "../../server/seed/content/kip3Grids.ts";
import { yjsStateOf } from "../../server/seed/demoContent.ts";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";

type Patch = [pos: number, del: number, ins: string];
interface Trace {
  startContent: string;
  endContent: string;
  txns: { patches: Patch[] }[];
}

const load = (name: string): Trace =>
  JSON.parse(gunzipSync(readFileSync(path.join(import.meta.dirname, "data", name))).toString("utf8"));

/** One keystroke of the concurrent trace, its position as a fraction of the text length then. */
export interface Keystroke {
  at: number;
  insert: boolean;
}

/** friendsforever.json.gz flattened to single-character keystrokes, positions relative to the length. */
export function friendsKeystrokes(): Keystroke[] {
  const out: Keystroke[] = [];
  let length = 0;
  for (const txn of load("friendsforever.json.gz").txns) {
    for (const [pos, del, ins] of txn.patches) {
      for (let i = 0; i < del; i++) out.push({ at: length > 0 ? pos / length : 0, insert: false });
      for (let i = 0; i < ins.length; i++) out.push({ at: length > 0 ? (pos + i) / (length + i) : 0, insert: true });
      length = Math.max(0, length - del) + ins.length;
    }
  }
  return out;
}

/** The text of the document's last paragraph, or null if the content does not end in one. */
export function lastParagraphText(doc: Y.Doc): Y.XmlText | null {
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const last = fragment.length > 0 ? fragment.get(fragment.length - 1) : null;
  if (last instanceof Y.XmlElement && last.nodeName === "paragraph" && last.get(0) instanceof Y.XmlText) {
    return last.get(0) as Y.XmlText;
  }
  return null;
}

/** The paragraph text every scenario edits (content fragment → paragraph → XmlText), appended if missing. */
export function benchText(doc: Y.Doc): Y.XmlText {
  const existing = lastParagraphText(doc);
  if (existing) return existing;
  const fragment = doc.getXmlFragment(CONTENT_FIELD);
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText("")]);
  fragment.push([paragraph]);
  return paragraph.get(0) as Y.XmlText;
}

/** automerge-paper.json.gz replayed edit by edit into a paragraph; checked against endContent. */
export function automergePaperDoc(limit = Number.POSITIVE_INFINITY): { doc: Y.Doc; edits: number } {
  const trace = load("automerge-paper.json.gz");
  const doc = new Y.Doc();
  const text = benchText(doc);
  let edits = 0;
  doc.transact(() => {
    for (const txn of trace.txns) {
      for (const [pos, del, ins] of txn.patches) {
        if (edits >= limit) return;
        if (del > 0) text.delete(pos, del);
        if (ins) text.insert(pos, ins);
        edits++;
      }
    }
  });
  if (limit === Number.POSITIVE_INFINITY && text.toString() !== trace.endContent) {
    throw new Error("automerge-paper replay does not end at endContent");
  }
  return { doc, edits };
}

/** The first `count` edits of automerge-paper as separate single-edit updates (for storage). */
export function automergePaperEdits(count: number): Patch[] {
  const out: Patch[] = [];
  for (const txn of load("automerge-paper.json.gz").txns) {
    for (const patch of txn.patches) {
      if (out.length >= count) return out;
      out.push(patch);
    }
  }
  return out;
}

interface ConcurrentTrace {
  endContent: string;
  txns: { parents: number[]; agent: number; patches: Patch[] }[];
}

/**
 * friendsforever.json.gz replayed as it was written: each agent edits its own Y.Doc (one
 * client each), and before each transaction its doc receives the transactions the trace
 * says it had seen (its parents, transitively). The merged doc has endContent's length.
 */
export function friendsforeverDoc(): { doc: Y.Doc; edits: number } {
  const trace = load("friendsforever.json.gz") as unknown as ConcurrentTrace;
  const docs = new Map<number, { doc: Y.Doc; text: Y.XmlText; seen: Set<number> }>();
  const updates: Uint8Array[] = [];
  let edits = 0;
  // Every agent starts from the same empty paragraph, made by a client of its own.
  const base = new Y.Doc();
  benchText(base);
  const start = Y.encodeStateAsUpdate(base);
  const agentDoc = (agent: number) => {
    let entry = docs.get(agent);
    if (!entry) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, start);
      entry = { doc, text: benchText(doc), seen: new Set() };
      docs.set(agent, entry);
    }
    return entry;
  };
  trace.txns.forEach((txn, index) => {
    const own = agentDoc(txn.agent);
    const missing: number[] = [];
    const stack = [...txn.parents];
    while (stack.length > 0) {
      const p = stack.pop() as number;
      if (own.seen.has(p)) continue;
      own.seen.add(p);
      missing.push(p);
      stack.push(...(trace.txns[p]?.parents ?? []));
    }
    for (const p of missing.sort((a, b) => a - b)) Y.applyUpdate(own.doc, updates[p] as Uint8Array);
    const before = Y.encodeStateVector(own.doc);
    own.doc.transact(() => {
      for (const [pos, del, ins] of txn.patches) {
        if (del > 0) own.text.delete(pos, del);
        if (ins) own.text.insert(pos, ins);
        edits++;
      }
    });
    updates[index] = Y.encodeStateAsUpdate(own.doc, before);
    own.seen.add(index);
  });
  const doc = new Y.Doc();
  for (const { doc: d } of docs.values()) Y.applyUpdate(doc, Y.encodeStateAsUpdate(d));
  // Yjs may order two concurrent inserts at one place otherwise than the trace's CRDT did.
  if (lastParagraphText(doc)?.length !== trace.endContent.length) {
    throw new Error("friendsforever replay does not end at endContent's length");
  }
  return { doc, edits };
}

/**
 * The demo's KIP 3 concept (text, headings, lists, tables) twenty times over, about 150
 * pages, with its finance and goal grids once (a document holds each grid once), as the
 * server's own schema builds it: one client, no history.
 */
export function kipConceptState(times = 20): Uint8Array {
  const blocks = kip3Concept.content.content ?? [];
  const grids = new Set(
    [...demoFinanceGrids(), ...demoGoalGrids()].filter((b) => b.type !== "paragraph").map((b) => JSON.stringify(b)),
  );
  const text = blocks.filter((b) => !grids.has(JSON.stringify(b)));
  const content = [...blocks, ...Array.from({ length: times - 1 }, () => text).flat()];
  return yjsStateOf({ ...kip3Concept.content, content });
}

/** The documents the cold-load scenario stores and reloads, each as one encoded state. */
export function coldLoadTraces(): { name: string; edits: number | null; update: Uint8Array }[] {
  const paper = automergePaperDoc();
  const friends = friendsforeverDoc();
  return [
    { name: "automerge-paper", edits: paper.edits, update: Y.encodeStateAsUpdate(paper.doc) },
    { name: "friendsforever", edits: friends.edits, update: Y.encodeStateAsUpdate(friends.doc) },
    { name: "KIP concept ×20", edits: null, update: kipConceptState() },
  ];
}
