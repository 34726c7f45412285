import { summarise } from "./stats.ts";

/** The traces the cold-load targets are judged on (names as `coldLoadTraces` gives them). */
export const COLD_LOAD_TRACES = ["automerge-paper", "friendsforever", "KIP concept ×20"] as const;

interface Verdict {
  target: string;
  measured: string;
  verdict: "met" | "missed" | "not measured";
}

interface Loaded {
  loads?: number[];
  complete?: boolean;
  error?: string;
}

const medianOf = (x: Loaded | undefined): number | null =>
  Array.isArray(x?.loads) && x.loads.length > 0 && x.complete ? summarise(x.loads).median : null;

/**
 * Issue 18, item 3, per trace: Accord's cold load (connect → synced after kill -9, median)
 * ≤ 100 ms, and ≤ 0.7× Hocuspocus's in the same run. A failed or incomplete load misses.
 */
export function coldLoadVerdicts(coldLoad: unknown): Verdict[] {
  const traces = (coldLoad as { traces?: Record<string, { systems?: Record<string, Loaded> }> } | undefined)?.traces;
  const out: Verdict[] = [];
  for (const trace of COLD_LOAD_TRACES) {
    const systems = traces?.[trace]?.systems;
    const accord = systems?.accord;
    const peer = systems?.hocuspocus;
    const a = medianOf(accord);
    const h = medianOf(peer);
    const failed = (x: Loaded | undefined) => (x?.error ? "error" : x?.complete === false ? "incomplete" : null);
    out.push(
      accord === undefined
        ? { target: `cold load ≤ 100 ms (${trace})`, measured: "–", verdict: "not measured" }
        : {
            target: `cold load ≤ 100 ms (${trace})`,
            measured: a === null ? (failed(accord) ?? "–") : `${a.toFixed(1)} ms`,
            verdict: a !== null && a <= 100 ? "met" : "missed",
          },
    );
    out.push(
      accord === undefined || peer === undefined
        ? { target: `cold load ≤ 0.7× Hocuspocus (${trace})`, measured: "–", verdict: "not measured" }
        : {
            target: `cold load ≤ 0.7× Hocuspocus (${trace})`,
            measured:
              a === null || h === null
                ? `Accord ${a?.toFixed(1) ?? failed(accord) ?? "–"}, Hocuspocus ${h?.toFixed(1) ?? failed(peer) ?? "–"}`
                : `${a.toFixed(1)} vs ${h.toFixed(1)} ms = ${(a / h).toFixed(2)}×`,
            verdict: a !== null && h !== null && a <= 0.7 * h ? "met" : "missed",
          },
    );
  }
  return out;
}
