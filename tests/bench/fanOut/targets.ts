/** A verdict row as targets.ts prints it. */
export interface FanOutVerdict {
  target: string;
  measured: string;
  verdict: "met" | "missed" | "not measured";
}

interface CaseFigures {
  p50: number;
  p99: number;
  undelivered: number;
  clientLagP99Ms: number;
  readersFailed: number;
}

/** Above this event-loop lag p99 of a client process, latencies are the client's, not the server's. */
const CLIENT_LAG_LIMIT_MS = 50;
const PEERS = ["hocuspocus", "y-websocket-server"] as const;

const figures = (v: unknown): CaseFigures | null => {
  if (typeof v !== "object" || v === null || "error" in v) return null;
  const c = v as Partial<CaseFigures>;
  return typeof c.p50 === "number" && typeof c.p99 === "number" ? (c as CaseFigures) : null;
};
const ms = (v: number) => `${v.toFixed(2)} ms`;

/**
 * Issue 18's fan-out targets, judged for Accord (SQLite) at every case of the run:
 * p50 ≤ relay p50 + fdatasync p50 + 0.3 ms; p99 ≤ 1.5× the best peer's p99; from 100
 * readers on, ahead of every peer on p50 and p99. A case where a client process lagged
 * (or a reader failed to join, or Accord lost a delivery) is "missed", saying why.
 */
export function fanOutVerdicts(fanOut: unknown): FanOutVerdict[] {
  if (typeof fanOut !== "object" || fanOut === null) {
    return [{ target: "fan-out at scale (issue 18)", measured: "–", verdict: "not measured" }];
  }
  const { fdatasync, cases, systems } = fanOut as {
    fdatasync: { p50: number };
    cases: { name: string; readers: number }[];
    /** Per system, per case; or `{ error }` when the system did not start. */
    systems: Record<string, Record<string, unknown>>;
  };
  const at = (key: string, name: string): unknown => {
    const perCase = systems[key];
    return perCase && typeof perCase.error !== "string" ? perCase[name] : perCase;
  };
  const out: FanOutVerdict[] = [];
  for (const { name, readers } of cases) {
    const accord = figures(at("accord", name));
    const relay = figures(at("relay", name));
    const peers = PEERS.map((k) => [k, figures(at(k, name))] as const).filter(
      (p): p is readonly [(typeof PEERS)[number], CaseFigures] => p[1] !== null,
    );
    const involved = [accord, relay, ...peers.map((p) => p[1])].filter((c): c is CaseFigures => c !== null);
    const lag = Math.max(...involved.map((c) => c.clientLagP99Ms));
    const failed = involved.reduce((s, c) => s + c.readersFailed, 0);
    /** Why this case cannot be judged as met, whatever the latencies say; null if it can. */
    const invalid = !accord
      ? `Accord: ${String((at("accord", name) as { error?: string } | undefined)?.error ?? "no result").slice(0, 80)}`
      : lag >= CLIENT_LAG_LIMIT_MS
        ? `client did not keep up (lag p99 ${lag.toFixed(0)} ms)`
        : failed > 0
          ? `${failed} readers failed to join`
          : accord.undelivered > 0
            ? `Accord: ${accord.undelivered} deliveries missing`
            : null;
    const judge = (target: string, measured: string | null, ok: boolean): FanOutVerdict => {
      if (invalid) return { target, measured: `${measured ?? "–"}; ${invalid}`, verdict: "missed" };
      return measured === null
        ? { target, measured: "– (comparison system not run)", verdict: "not measured" }
        : { target, measured, verdict: ok ? "met" : "missed" };
    };
    if (accord && relay) {
      const limit = relay.p50 + fdatasync.p50 + 0.3;
      out.push(
        judge(
          `fan-out ${name}: p50 ≤ relay p50 + fdatasync p50 + 0.3 ms`,
          `${ms(accord.p50)} vs ${ms(relay.p50)} + ${ms(fdatasync.p50)} + 0.3 = ${ms(limit)}`,
          accord.p50 <= limit,
        ),
      );
    } else out.push(judge(`fan-out ${name}: p50 ≤ relay p50 + fdatasync p50 + 0.3 ms`, null, false));
    const best = peers.length ? Math.min(...peers.map((p) => p[1].p99)) : null;
    out.push(
      judge(
        `fan-out ${name}: p99 ≤ 1.5× best peer p99`,
        accord && best !== null ? `${ms(accord.p99)} vs 1.5 × ${ms(best)} = ${ms(1.5 * best)}` : null,
        !!accord && best !== null && accord.p99 <= 1.5 * best,
      ),
    );
    if (readers >= 100) {
      const ahead = peers.every(([, p]) => !!accord && accord.p50 < p.p50 && accord.p99 < p.p99);
      out.push(
        judge(
          `fan-out ${name}: ahead of every peer on p50 and p99`,
          accord && peers.length === PEERS.length
            ? `Accord ${ms(accord.p50)} / ${ms(accord.p99)}; ${peers.map(([k, p]) => `${k} ${ms(p.p50)} / ${ms(p.p99)}`).join("; ")}`
            : null,
          ahead,
        ),
      );
    }
  }
  return out;
}
