import { tmpdir } from "node:os";
import { fdatasyncLatency } from "../fdatasync.ts";
import { type FanOutScaleResult, fanOutScale } from "../scenarios/fanOutScale.ts";
import { summarise } from "../stats.ts";
import type { System } from "../systems/System.ts";
import { friendsKeystrokes } from "../traces.ts";

type Row = Record<string, string | number>;

export interface FanOutSectionContext {
  systems: string[];
  quick: boolean;
  runs: number;
  withSystem<T>(
    key: string,
    env: Record<string, string>,
    body: (s: System) => Promise<T>,
  ): Promise<T | { error: string }>;
  label(key: string): string;
  show(title: string, name: string, rows: Record<string, Row>): void;
}

/** One measured case: N readers on one document, or many documents of 1 writer + 4 readers. */
interface Case {
  name: string;
  docs: number;
  writersPerDoc: number;
  receiversPerDoc: number;
  charsPerSecond: number;
}

/** Fan-out case results as stored in the run's JSON (medians over runs, plus the runs). */
export type FanOutCaseResult = Omit<FanOutScaleResult, "docs"> & { docs: number; runs: FanOutScaleResult[] };

const ONE_DOC_WRITERS = 3;
const ONE_DOC_RATE = 5;
/** Many documents: one typist per document at 1 char/s on average (pauses included), 4 readers. */
const MANY_DOCS_RATE = 1;

export function fanOutCases(quick: boolean): Case[] {
  const ns = quick ? [10, 100] : [10, 100, 500, 1000];
  const docs = quick ? 100 : 1000;
  return [
    ...ns.map((n) => ({
      name: `N=${n}`,
      docs: 1,
      writersPerDoc: ONE_DOC_WRITERS,
      receiversPerDoc: n,
      charsPerSecond: ONE_DOC_RATE,
    })),
    { name: `${docs} docs×5`, docs, writersPerDoc: 1, receiversPerDoc: 4, charsPerSecond: MANY_DOCS_RATE },
  ];
}

const f1 = (v: number) => Number(v.toFixed(1));
const f2 = (v: number) => Number(v.toFixed(2));

/**
 * The fan-out section of `npm run bench`: fdatasync p50 on the data dirs' filesystem, then
 * every case against every system; returns what goes into `results.fanOut`.
 */
export async function runFanOutSection(ctx: FanOutSectionContext): Promise<Record<string, unknown>> {
  const fdatasync = fdatasyncLatency(tmpdir());
  const cases = fanOutCases(ctx.quick);
  const seconds = ctx.quick ? 4 : 8;
  const keys = friendsKeystrokes();
  const systems: Record<string, unknown> = {};
  const rows: Record<string, Row> = {};
  for (const key of ctx.systems) {
    const out = await ctx.withSystem(key, {}, async (system) => {
      const perCase: Record<string, FanOutCaseResult | { error: string }> = {};
      for (const c of cases) {
        // Several runs where they are cheap; the large cases once (minutes each otherwise).
        const runs = c.docs * c.receiversPerDoc <= 100 ? ctx.runs : 1;
        const done: FanOutScaleResult[] = [];
        try {
          for (let r = 0; r < runs; r++) {
            const docs = await system.createDocuments(c.docs);
            done.push(await fanOutScale(system, docs, { ...c, seconds, keys }));
          }
        } catch (error) {
          perCase[c.name] = { error: String(error) };
          rows[`${ctx.label(key)} ${c.name}`] = { error: String(error).slice(0, 120) };
          continue;
        }
        const m = (k: keyof FanOutScaleResult) => summarise(done.map((x) => x[k])).median;
        const medians = Object.fromEntries(
          Object.keys(done[0] ?? {}).map((k) => [k, m(k as keyof FanOutScaleResult)]),
        ) as unknown as FanOutScaleResult;
        perCase[c.name] = { ...medians, runs: done };
        rows[`${ctx.label(key)} ${c.name}`] = {
          "p50 ms": f2(medians.p50),
          "p99 ms": f1(medians.p99),
          "max ms": f1(medians.max),
          delivered: medians.delivered,
          "not delivered": medians.undelivered,
          "server CPU ms/s": f1(medians.serverCpuMsPerS),
          "server µs/delivered": f1(medians.serverCpuUsPerDelivered),
          "receiver procs": medians.receiverProcesses,
          "receivers CPU ms/s": f1(medians.receiverCpuMsPerS),
          "client lag p99 ms": f1(medians.clientLagP99Ms),
        };
      }
      return perCase;
    });
    systems[key] = out;
    if (typeof out === "object" && out !== null && "error" in out) rows[ctx.label(key)] = { error: String(out.error) };
  }
  ctx.show(
    `Fan-out at scale: ${ONE_DOC_WRITERS} Yjs writers × ${ONE_DOC_RATE} chars/s + N raw readers on one document; ` +
      `many documents: 1 writer at ${MANY_DOCS_RATE} char/s + 4 readers each; send → each reader (fdatasync p50 ` +
      `${fdatasync.p50.toFixed(3)} ms); client lag = worst of the writers' and the receiver processes'`,
    "fanOut",
    rows,
  );
  return { fdatasync, cases: cases.map((c) => ({ ...c, readers: c.docs * c.receiversPerDoc })), systems };
}
