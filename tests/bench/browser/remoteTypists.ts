import * as Y from "yjs";
import { CONTENT_FIELD } from "../../../shared/schema/extensions.ts";
import type { BenchClient } from "../systems/System.ts";

/** What a typist writes, over and over. */
const SENTENCE = "Ergänzung aus der Gemeinde: die Erstinformation erfolgt auch in Tigrinya. ";

/**
 * Top-level paragraphs fit for typing: one run of plain text (no marks, so no suggestion
 * or bold run to extend), long enough to look like prose. Block indices into the fragment.
 */
export function plainParagraphs(doc: Y.Doc): number[] {
  const out: number[] = [];
  doc
    .getXmlFragment(CONTENT_FIELD)
    .toArray()
    .forEach((block, index) => {
      if (!(block instanceof Y.XmlElement) || block.nodeName !== "paragraph" || block.length !== 1) return;
      const text = block.get(0);
      if (!(text instanceof Y.XmlText)) return;
      const delta = text.toDelta() as { insert: unknown; attributes?: object }[];
      if (delta.length === 1 && !delta[0]?.attributes && String(delta[0]?.insert).length >= 40) out.push(index);
    });
  return out;
}

/** The plain paragraph nearest to `fraction` of the way through the document, skipping `taken`. */
export function paragraphAt(spots: readonly number[], fraction: number, taken: readonly number[] = []): number {
  const free = spots.filter((s) => !taken.includes(s));
  const at = free[Math.min(free.length - 1, Math.floor(free.length * fraction))];
  if (at === undefined) throw new Error("no plain paragraph to type in");
  return at;
}

export interface TypistIdentity {
  id: string;
  name: string;
  orgName: string;
  color: string;
}

export interface RemoteTypist {
  /** Characters typed so far. */
  typed(): number;
  stop(): void;
}

/**
 * A remote typist: a synced y-websocket client that appends one character every
 * `intervalMs` to the end of paragraph `block`, as y-prosemirror writes typing (an insert
 * into the paragraph's Y.XmlText with the marks given explicitly, here none), and publishes
 * its caret in the awareness the way y-prosemirror's cursor plugin does.
 */
export function startRemoteTypist(
  client: BenchClient,
  block: number,
  user: TypistIdentity,
  intervalMs: number,
  delayMs = 0,
): RemoteTypist {
  const paragraph = client.doc.getXmlFragment(CONTENT_FIELD).get(block);
  const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
  if (!(text instanceof Y.XmlText)) throw new Error(`block ${block} is not a plain paragraph`);
  let typed = 0;
  const caret = () => {
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
    client.awareness.setLocalStateField("cursor", { anchor: at, head: at });
  };
  client.awareness.setLocalStateField("user", user);
  caret();
  let timer: NodeJS.Timeout | undefined;
  const start = setTimeout(() => {
    timer = setInterval(() => {
      text.insert(text.length, SENTENCE[typed % SENTENCE.length] ?? " ", {});
      typed++;
      caret();
    }, intervalMs);
  }, delayMs);
  return {
    typed: () => typed,
    stop() {
      clearTimeout(start);
      clearInterval(timer);
    },
  };
}
