import { getSchema } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import type { Actor } from "../../server/policy/Change.ts";
import { UpdatePolicy } from "../../server/policy/UpdatePolicy.ts";
import { kip3Concept } from "../../server/seed/content/kip3Concept.ts";
import { addReply, createThread } from "../../shared/comments/model.ts";
import { CONTENT_FIELD, schemaExtensions } from "../../shared/schema/extensions.ts";
import { type Summary, summarise } from "./stats.ts";

const EDITOR: Actor = { user: { id: "u-lukas", name: "Lukas Frei", orgId: "kanton-so" }, role: "editor" };
const COMMENTER: Actor = { user: { id: "u-marco", name: "Marco Rossi", orgId: "sem" }, role: "commenter" };

/** Updates a client would send: one per keystroke in a paragraph of the demo concept, and comment activity. */
function workload(base: Y.Doc, keystrokes: number) {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(base));
  const updates: { actor: Actor; update: Uint8Array }[] = [];
  let actor = EDITOR;
  client.on("update", (update: Uint8Array) => updates.push({ actor, update }));
  const paragraphs = client
    .getXmlFragment(CONTENT_FIELD)
    .toArray()
    .filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === "paragraph");
  for (let i = 0; i < keystrokes; i++) {
    const text = paragraphs[(i * 7) % paragraphs.length]?.get(0) as Y.XmlText;
    text.insert(i % Math.max(1, text.length), "x");
  }
  actor = COMMENTER;
  const anchor = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(paragraphs[0]?.get(0) as Y.XmlText, 0));
  for (let i = 0; i < keystrokes / 10; i++) {
    const id = createThread(client, {
      author: COMMENTER.user,
      text: "Bitte prüfen.",
      quote: "x",
      anchorStart: anchor,
      anchorEnd: anchor,
    });
    addReply(client, id, COMMENTER.user, "Ergänzung.");
  }
  return updates;
}

/**
 * Cost of judging one update on the shadow doc, against applying it to the live doc alone,
 * on the concept repeated `copies` times (the cost should follow the edit, not the document).
 */
export function measurePolicyCost(
  keystrokes = 2000,
  copies = 1,
): { policy: Summary; applyOnly: Summary; updates: number; blocks: number } {
  const schema = getSchema(schemaExtensions());
  const blocks = Array.from({ length: copies }, () => kip3Concept.content.content ?? []).flat();
  const live = prosemirrorJSONToYDoc(schema, { ...kip3Concept.content, content: blocks }, CONTENT_FIELD);
  const updates = workload(live, keystrokes);
  const policy = new UpdatePolicy(live);
  const judged: number[] = [];
  const applied: number[] = [];
  for (const { actor, update } of updates) {
    let t = performance.now();
    const verdict = policy.evaluate(actor, update);
    judged.push(performance.now() - t);
    if (!verdict.ok) throw new Error(`workload refused: ${verdict.reason}`);
    t = performance.now();
    Y.applyUpdate(live, update);
    applied.push(performance.now() - t);
  }
  return { policy: summarise(judged), applyOnly: summarise(applied), updates: updates.length, blocks: blocks.length };
}
