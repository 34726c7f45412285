import type { JSONContent } from "@tiptap/core";
import * as Y from "yjs";
import type { Actor } from "../../server/policy/Change.ts";
import { UpdatePolicy } from "../../server/policy/UpdatePolicy.ts";
import { kip3Agreement } from "../../server/seed/content/kip3Agreement.ts";
import { docWith, HeadlessEditor } from "../helpers/headlessEditor.ts";
import { type Summary, summarise } from "./stats.ts";

const CLAIRE: Actor = { user: { id: "u-claire", name: "Claire Dubois", orgId: "sem" }, role: "suggester" };
const LUKAS: Actor = { user: { id: "u-lukas", name: "Lukas Frei", orgId: "kanton-so" }, role: "editor" };

/** The demo agreement's blocks, `copies` times over: a document that many times longer. */
function agreementTimes(copies: number): unknown[] {
  const blocks = (kip3Agreement.content as JSONContent).content ?? [];
  return Array.from({ length: copies }, () => blocks).flat();
}

/** Keystrokes typed into paragraphs spread over the document, as the headless editor sends them. */
function keystrokes(base: Y.Doc, actor: Actor, count: number, suggest: boolean): Uint8Array[] {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const editor = new HeadlessEditor(doc, { userId: actor.user.id, orgId: actor.user.orgId });
  const paragraphs: number[] = [];
  editor.state.doc.forEach((node, offset) => {
    if (node.type.name === "paragraph" && node.content.size > 0) paragraphs.push(offset + node.nodeSize - 1);
  });
  const updates: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    // Ten keystrokes in a row at one place, then the next paragraph: typing, not scattering.
    const paragraph = Math.floor(i / 10) % paragraphs.length;
    let at = paragraphs[paragraph] ?? 1;
    editor.state.doc.forEach((node, offset) => {
      if (offset <= at && at < offset + node.nodeSize) at = offset + node.nodeSize - 1;
    });
    const result = editor.edit((tr) => tr.insertText("x", at), suggest);
    if (!result.ok || !result.update) throw new Error("the workload could not be typed");
    updates.push(result.update);
    // Positions after this paragraph moved by one.
    for (let p = paragraph; p < paragraphs.length; p++) paragraphs[p] = (paragraphs[p] ?? 0) + 1;
  }
  return updates;
}

function judge(base: Y.Doc, actor: Actor, updates: Uint8Array[]): Summary {
  const live = new Y.Doc();
  Y.applyUpdate(live, Y.encodeStateAsUpdate(base));
  const policy = new UpdatePolicy(live);
  const times: number[] = [];
  for (const update of updates) {
    const t = performance.now();
    const verdict = policy.evaluate(actor, update);
    times.push(performance.now() - t);
    if (!verdict.ok) throw new Error(`workload refused: ${verdict.reason}`);
    Y.applyUpdate(live, update);
  }
  return summarise(times);
}

export interface SuggestionCost {
  blocks: number;
  stateBytes: number;
  suggester: Summary;
  editor: Summary;
}

/**
 * Cost of the policy on a suggester's keystrokes (suggestion rule included) against an
 * editor typing the same keystrokes directly, on the demo agreement `copies` times over.
 */
export function measureSuggestionCost(copies: number, count = 400): SuggestionCost {
  const base = docWith(agreementTimes(copies));
  const suggested = keystrokes(base, CLAIRE, count, true);
  const direct = keystrokes(base, LUKAS, count, false);
  return {
    blocks: base.getXmlFragment("default").length,
    stateBytes: Y.encodeStateAsUpdate(base).byteLength,
    suggester: judge(base, CLAIRE, suggested),
    editor: judge(base, LUKAS, direct),
  };
}
