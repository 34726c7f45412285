import type { BenchClient, System } from "../systems/System.ts";
import { allSynced, serverRss, sleep } from "./common.ts";

export interface ManyDocsResult {
  docs: number;
  baselineRss: number;
  connectedRss: number;
  afterLeaveRss: number;
  /** (connected − baseline) / docs: one document with one connection open. */
  perDocBytes: number;
  /** after-leave RSS / baseline RSS. */
  afterVsBaseline: number;
}

/**
 * `count` documents with one idle connection each: server RSS before, while connected and
 * `settleMs` after everyone left (rooms unloaded; no forced GC, peers cannot be asked to).
 */
export async function manyDocs(system: System, docNames: string[], settleMs: number): Promise<ManyDocsResult> {
  await sleep(1000);
  const baselineRss = serverRss(system);
  const clients: BenchClient[] = [];
  for (let i = 0; i < docNames.length; i += 200) {
    const batch = docNames.slice(i, i + 200).map((name, j) => system.connect(name, i + j));
    clients.push(...batch);
    await allSynced(batch);
  }
  await sleep(2000);
  const connectedRss = serverRss(system);
  for (const c of clients) c.destroy();
  await sleep(settleMs);
  const afterLeaveRss = serverRss(system);
  return {
    docs: docNames.length,
    baselineRss,
    connectedRss,
    afterLeaveRss,
    perDocBytes: (connectedRss - baselineRss) / docNames.length,
    afterVsBaseline: afterLeaveRss / baselineRss,
  };
}
