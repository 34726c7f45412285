/** The disk verdicts of issue 18 (item 5), from the `storage` scenario's results of one run. */

interface Verdict {
  target: string;
  measured: string;
  verdict: "met" | "missed" | "not measured";
}

const figure = (storage: unknown, system: string, key: string): number | null => {
  const v = (storage as Record<string, Record<string, unknown> | undefined> | undefined)?.[system]?.[key];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};

const KiB = (b: number) => `${(b / 1024).toFixed(1)} KiB`;

/**
 * Accord (SQLite) disk per 1,000 edits after the room unloaded and the files were checkpointed,
 * at most 2× Hocuspocus's in the same run; and the stored Yjs bytes at most 1.05× the state.
 */
export function storageVerdicts(storage: unknown): Verdict[] {
  const accord = figure(storage, "accord", "afterPer1k");
  const hocus = figure(storage, "hocuspocus", "afterPer1k");
  const checkpointed = (storage as Record<string, { checkpointed?: boolean }> | undefined)?.accord?.checkpointed;
  const disk: Verdict =
    accord === null || hocus === null
      ? { target: "disk /1k edits after unload ≤ 2× Hocuspocus", measured: "–", verdict: "not measured" }
      : {
          target: "disk /1k edits after unload ≤ 2× Hocuspocus",
          measured: `${KiB(accord)} vs ${KiB(hocus)} = ${hocus > 0 ? (accord / hocus).toFixed(2) : "∞"}×${checkpointed ? "" : " (WAL not checkpointed in time)"}`,
          verdict: accord <= 2 * hocus ? "met" : "missed",
        };
  const ratio = figure(storage, "accord", "afterVsState");
  const payload: Verdict =
    ratio === null
      ? { target: "storage after compaction ≤ 1.05× encoded state", measured: "–", verdict: "not measured" }
      : {
          target: "storage after compaction ≤ 1.05× encoded state",
          measured: `${ratio.toFixed(2)}×`,
          verdict: ratio <= 1.05 ? "met" : "missed",
        };
  return [disk, payload];
}
