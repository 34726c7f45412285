import { readFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import * as Y from "yjs";
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
