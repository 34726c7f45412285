import type { System } from "../systems/System.ts";
import { benchText, lastParagraphText } from "../traces.ts";
import { allSynced, sleep } from "./common.ts";

export interface LossResult {
  typed: number;
  seenByPeer: number;
  afterRestart: number;
  /** Edits a peer had seen that are gone after the restart. */
  lost: number;
}

/**
 * A writer types 100 chars/s for `seconds` while a reader (on the other instance, for
 * scale-out) watches; the server is killed with SIGKILL mid-typing, the clients are
 * dropped before it comes back (so they cannot re-send), and a fresh client counts what
 * survived.
 */
export async function lossWindow(system: System, docName: string, seconds: number): Promise<LossResult> {
  const writer = system.connect(docName, 0);
  const reader = system.connect(docName, 1);
  await allSynced([writer, reader]);
  const text = benchText(writer.doc);
  await sleep(300);
  const start = text.length;
  let typed = 0;
  const timer = setInterval(() => {
    text.insert(text.length, "k");
    typed++;
  }, 10);
  await sleep(seconds * 1000);
  let seenByPeer = 0;
  await system.kill9AndRestart(() => {
    clearInterval(timer);
    seenByPeer = (lastParagraphText(reader.doc)?.length ?? 0) - start;
    writer.destroy();
    reader.destroy();
  });
  const fresh = system.connect(docName, 0);
  await allSynced([fresh]);
  await sleep(500);
  const afterRestart = (lastParagraphText(fresh.doc)?.length ?? 0) - start;
  fresh.destroy();
  return { typed, seenByPeer, afterRestart: Math.max(0, afterRestart), lost: Math.max(0, seenByPeer - afterRestart) };
}
