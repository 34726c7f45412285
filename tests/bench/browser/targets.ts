import type { SessionResult } from "./pageSession.ts";

interface Verdict {
  target: string;
  measured: string;
  verdict: "met" | "missed" | "not measured";
}

/** What the browser scenario stores in `results.browser` (the figures are medians over the runs). */
export interface BrowserResults {
  accordEditing?: SessionResult | { error: string };
  accordSuggesting?: SessionResult | { error: string };
  peer?: SessionResult | { error: string };
}

const MiB = 1024 * 1024;
const ok = (s: SessionResult | { error: string } | undefined): s is SessionResult => !!s && !("error" in s);

/**
 * The browser targets of issue 18, from `results.browser`: keystroke → painted p50 ≤ 16 ms
 * and p99 ≤ 50 ms in editing and in suggesting mode, open ≤ 1.5 s, tab memory (renderer
 * PSS) ≤ 300 MiB. Each "measured" names the peer's (Tiptap's collaboration demo) figure too.
 */
export function browserTargets(browser: unknown): Verdict[] {
  const r = (browser ?? {}) as BrowserResults;
  const peer = ok(r.peer) ? r.peer : null;
  const vs = (figure: string, peerFigure: string | null) => `${figure}${peerFigure ? ` (peer ${peerFigure})` : ""}`;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const out: Verdict[] = [];
  const judge = (
    target: string,
    sessions: (SessionResult | { error: string } | undefined)[],
    pick: (s: SessionResult) => number,
    limit: number,
    show: (v: number) => string,
    keys = false,
  ) => {
    const measured = sessions.filter(ok);
    if (measured.length < sessions.length || measured.length === 0) {
      const failed = sessions.find((s) => s && "error" in s) as { error: string } | undefined;
      out.push({ target, measured: failed ? `error: ${failed.error.slice(0, 80)}` : "–", verdict: "not measured" });
      return;
    }
    const worst = Math.max(...measured.map(pick));
    // A tab that could not paint every key by the deadline misses, whatever the keys it did paint say.
    const saturated = keys && measured.some((s) => s.saturated);
    const shown = (s: SessionResult, v: string) =>
      keys && s.saturated ? `≥ ${v} (saturated: ${s.keystroke.n} of ${s.typed} keys painted)` : v;
    const worstSession = measured.find((s) => pick(s) === worst) as SessionResult;
    out.push({
      target,
      measured: vs(shown(worstSession, show(worst)), peer ? shown(peer, show(pick(peer))) : null),
      verdict: worst <= limit && !saturated ? "met" : "missed",
    });
  };
  for (const [mode, session] of [
    ["editing", r.accordEditing],
    ["suggesting", r.accordSuggesting],
  ] as const) {
    judge(`browser keystroke → painted p50 ≤ 16 ms (${mode})`, [session], (s) => s.keystroke.p50, 16, ms, true);
    judge(`browser keystroke → painted p99 ≤ 50 ms (${mode})`, [session], (s) => s.keystroke.p99, 50, ms, true);
  }
  const both = [r.accordEditing, r.accordSuggesting];
  judge("browser open (navigation → editable) ≤ 1.5 s", both, (s) => s.openMs, 1500, ms);
  judge(
    "browser tab memory (renderer PSS) ≤ 300 MiB",
    both,
    (s) => s.memory.rendererPssBytes,
    300 * MiB,
    (v) => `${(v / MiB).toFixed(0)} MiB`,
  );
  return out;
}
