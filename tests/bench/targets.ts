import { fanOutVerdicts } from "./fanOut/targets.ts";
import { scaleOutVerdicts } from "./scaleOutTargets.ts";
import { browserTargets } from "./browser/targets.ts";
import { summarise } from "./stats.ts";
import { storageVerdicts } from "./storageTargets.ts";

type Results = Record<string, unknown>;
interface Verdict {
  target: string;
  measured: string;
  verdict: "met" | "missed" | "not measured";
}

const get = (o: unknown, ...keys: (string | number)[]): unknown =>
  keys.reduce<unknown>(
    (v, k) => (typeof v === "object" && v !== null ? (v as Record<string, unknown>)[k] : undefined),
    o,
  );
const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : null);

function verdict(target: string, measured: string | null, ok: boolean): Verdict {
  return measured === null
    ? { target, measured: "–", verdict: "not measured" }
    : { target, measured, verdict: ok ? "met" : "missed" };
}

/** Accord (SQLite unless said otherwise) against the targets of issue 7, from the run's results. */
export function evaluateTargets(r: Results): Verdict[] {
  const out: Verdict[] = [];
  out.push(...fanOutVerdicts(r.fanOut));
  const gc = (r.groupCommit as { offered: number; persisted: number; p99: number }[] | undefined)?.find(
    (x) => x.offered === 100_000,
  );
  out.push(
    verdict(
      "group commit ≥ 100k persisted updates/s at synchronous=FULL",
      gc ? `${Math.round(gc.persisted)}/s at 100k offered` : null,
      !!gc && gc.persisted >= 95_000,
    ),
  );
  out.push(verdict("group commit p99 ≤ 15 ms at 100k/s", gc ? `${gc.p99.toFixed(1)} ms` : null, !!gc && gc.p99 <= 15));
  const loads = get(r.coldLoad, "systems", "accord", "loads");
  const cold = Array.isArray(loads) ? summarise(loads as number[]).median : null;
  out.push(
    verdict(
      "cold load ≤ 100 ms (automerge-paper)",
      cold === null ? null : `${cold.toFixed(1)} ms`,
      (cold ?? 1e9) <= 100,
    ),
  );
  const many = Object.entries((r.manyDocs as Record<string, unknown>) ?? {}).filter(([k]) => k.startsWith("accord:"));
  const ratios = many.map(([k, v]) => [k, num(get(v, "afterVsBaseline"))] as const);
  for (const [k, ratio] of ratios) {
    out.push(
      verdict(
        `memory back to baseline after unload (${k.split(":")[1]} docs, ≤ 1.10×)`,
        ratio === null ? null : `${ratio.toFixed(2)}× baseline`,
        (ratio ?? 1e9) <= 1.1,
      ),
    );
  }
  out.push(...storageVerdicts(r.storage));
  for (const key of ["accord", "accord-pg"]) {
    const runs = get(r.loss, key);
    const lost = Array.isArray(runs) ? runs.reduce((s: number, x) => s + (num(get(x, "lost")) ?? 0), 0) : null;
    out.push(verdict(`zero edits lost to kill -9 (${key})`, lost === null ? null : `${lost} lost`, lost === 0));
  }
  out.push(...scaleOutVerdicts(r));
  out.push(...browserTargets(r.browser));
  return out;
}
