import { browserBench } from "./browserScenario.ts";
import type { SessionResult } from "./pageSession.ts";

type Row = Record<string, string | number>;
const MiB = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MiB`;
const f1 = (v: number) => Number(v.toFixed(1));

function row(s: unknown): Row {
  if (!s || typeof s !== "object") return { error: "not run" };
  if ("error" in s) return { error: String((s as { error: string }).error).slice(0, 120) };
  const r = s as SessionResult;
  return {
    "open ms": Math.round(r.openMs),
    "key p50 ms": f1(r.keystroke.p50),
    "key p99 ms": f1(r.keystroke.p99),
    "key max ms": f1(r.keystroke.max),
    "keys painted/typed": `${r.keystroke.n}/${r.typed}${r.saturated ? " SATURATED" : ""}`,
    "long tasks": r.longTasks?.count ?? "?",
    "long task ms": r.longTasks ? Math.round(r.longTasks.totalMs) : "?",
    "slow (≥16 ms) interactions": r.slowInteractions?.count ?? "?",
    "renderer PSS": MiB(r.memory.rendererPssBytes),
    "JS heap": MiB(r.memory.jsHeapUsedBytes),
    "DOM nodes": r.memory.domNodes,
    "renderer CPU ms/s": Math.round(r.rendererCpuMsPerS),
    landed: r.landed ? "yes" : "NO",
  };
}

/**
 * `BENCH_SCENARIOS=browser`: the browser scenario (browserScenario.ts), Accord in both
 * modes and the Tiptap collaboration demo as peer. BENCH_SYSTEMS picks "accord" and/or
 * "peer" (default both); BENCH_BROWSER_PROFILE=<dir> writes CPU profiles of the typing.
 */
export async function runBrowserSection(
  want: (scenario: string) => boolean,
  options: { quick: boolean; runs: number; systems?: string[] | undefined },
  results: Record<string, unknown>,
  show: (title: string, name: string, rows: Record<string, Row>) => void,
): Promise<void> {
  if (!want("browser")) return;
  const picked = options.systems?.filter((s) => s === "accord" || s === "peer");
  const out = await browserBench({
    quick: options.quick,
    runs: options.runs,
    systems: picked?.length ? picked : ["accord", "peer"],
    profileDir: process.env.BENCH_BROWSER_PROFILE,
  });
  results.browser = out;
  const sessions = [out.accordEditing, out.accordSuggesting, out.peer] as { affinity?: Record<string, string> }[];
  const cpus = [...new Set(sessions.flatMap((s) => Object.values(s?.affinity ?? {})))];
  console.log(`\nbrowser: Chromium's processes may run on CPU(s) ${cpus.join(", ") || "?"} (Cpus_allowed_list)`);
  const refusals = out.accordRefusals as { count: number } | undefined;
  if (refusals) console.log(`browser: updates Accord refused during the sessions: ${refusals.count}`);
  const doc = out.document as {
    copies: number;
    blocks: number;
    characters: number;
    threads: number;
    suggestions: number;
  };
  show(
    `Browser (Chromium, core 1): KIP 3 concept ×${doc.copies} (${doc.blocks} blocks, ${doc.characters} chars, ` +
      `${doc.threads} threads, ${doc.suggestions} suggestions), ${out.keystrokes} keys at ${out.intervalMs} ms ` +
      `+ ${out.remoteTypists} remote typists; keydown → painted; median of ${options.runs}`,
    "browser",
    {
      "Accord (editing)": row(out.accordEditing),
      "Accord (suggesting)": row(out.accordSuggesting),
      "Tiptap collab demo (peer)": row(out.peer),
    },
  );
}
