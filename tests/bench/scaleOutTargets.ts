/*
 * Issue 18, item 4: Accord on PostgreSQL + Redis (two instances) against Accord on SQLite,
 * from the `throughput` scenario of the same run.
 */

interface Verdict {
  target: string;
  measured: string;
  verdict: "met" | "missed" | "not measured";
}

interface Row {
  offered: number;
  delivered: number;
  p50: number;
  incomplete: number;
}

/** At most this factor over SQLite's p50 at the same offered load. */
const WITHIN = 2;
/**
 * "No collapse" at 20,000/s: delivered at least 90% of offered, nothing left undelivered
 * after the 5 s drain, and p50 at most 10× PG+Redis's own p50 at 5,000/s (bounded, not
 * growing with the queue).
 */
const COLLAPSE_RATE = 20_000;
const MIN_DELIVERED = 0.9;
const MAX_P50_GROWTH = 10;

const rowsOf = (throughput: unknown, key: string): Row[] | string | null => {
  const v = (throughput as Record<string, unknown> | undefined)?.[key];
  if (Array.isArray(v)) return v as Row[];
  if (v && typeof v === "object" && "error" in v) return `error: ${String((v as { error: unknown }).error)}`;
  return null;
};

const f1 = (v: number) => v.toFixed(1);

/** The scale-out verdicts: p50 within 2× of SQLite at 1,000 and 5,000/s; no collapse at 20,000/s. */
export function scaleOutVerdicts(results: Record<string, unknown>): Verdict[] {
  const pg = rowsOf(results.throughput, "accord-pg");
  const lite = rowsOf(results.throughput, "accord");
  const at = (rows: Row[] | string | null, rate: number) =>
    Array.isArray(rows) ? rows.find((r) => r.offered === rate) : undefined;
  const out: Verdict[] = [];
  for (const rate of [1000, 5000]) {
    const target = `PG+Redis ×2 p50 ≤ ${WITHIN}× SQLite p50 at ${rate}/s (throughput, same run)`;
    const a = at(pg, rate);
    const b = at(lite, rate);
    if (typeof pg === "string" || typeof lite === "string")
      out.push({ target, measured: typeof pg === "string" ? pg : String(lite), verdict: "missed" });
    else if (!a || !b) out.push({ target, measured: "–", verdict: "not measured" });
    else
      out.push({
        target,
        measured: `${f1(a.p50)} vs ${f1(b.p50)} ms = ${(a.p50 / Math.max(b.p50, 0.01)).toFixed(2)}×`,
        verdict: a.p50 <= WITHIN * b.p50 ? "met" : "missed",
      });
  }
  const target = `PG+Redis ×2 no collapse at ${COLLAPSE_RATE}/s (delivered ≥ ${MIN_DELIVERED * 100}% of offered, none undelivered, p50 ≤ ${MAX_P50_GROWTH}× its p50 at 5000/s)`;
  const top = at(pg, COLLAPSE_RATE);
  const mid = at(pg, 5000);
  if (typeof pg === "string") out.push({ target, measured: pg, verdict: "missed" });
  else if (!top || !mid) out.push({ target, measured: "–", verdict: "not measured" });
  else {
    const ok =
      top.delivered >= MIN_DELIVERED * top.offered && top.incomplete === 0 && top.p50 <= MAX_P50_GROWTH * mid.p50;
    out.push({
      target,
      measured: `${Math.round(top.delivered)}/s delivered, ${top.incomplete} undelivered, p50 ${f1(top.p50)} ms (${(top.p50 / Math.max(mid.p50, 0.01)).toFixed(1)}× of ${f1(mid.p50)})`,
      verdict: ok ? "met" : "missed",
    });
  }
  return out;
}
