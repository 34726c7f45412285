import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { cpuMs } from "../proc.ts";
import { type Summary, summarise } from "../stats.ts";

const PROBE = path.resolve("tests/bench/browser/pageProbe.js");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** `promise`, or a rejection after `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** What one page (a tab) measured: open, typing and memory. */
export interface SessionResult {
  /** Navigation start → editable (the page's own signal, see `PageUnderTest.ready`), ms. */
  openMs: number;
  /** Keydown → next frame painted after the input, ms (keys painted before the deadline). */
  keystroke: Summary & { p50: number };
  /** Keys typed; fewer painted than planned (`saturated`) means the tab could not keep up by the deadline. */
  typed: number;
  saturated: boolean;
  /** Keystrokes whose key fired no input event (measured from the keydown's task). */
  withoutInput: number;
  /** Long tasks (≥ 50 ms) while typing; null when the tab did not answer after typing. */
  longTasks: { count: number; totalMs: number; maxMs: number } | null;
  /** Event Timing interactions of ≥ 16 ms while typing (the browser's own input → paint); null likewise. */
  slowInteractions: { count: number; maxMs: number } | null;
  memory: TabMemory;
  /** CPU time of the tab's renderer process per second of typing (robust to other load on the machine). */
  rendererCpuMsPerS: number;
  /** Cpus_allowed_list of each of the browser's processes, read while the tab was open. */
  affinity: Record<string, string>;
  /** The typed text is in the document (and, suggesting, marked as the typist's suggestion). */
  landed: boolean;
}

export interface TabMemory {
  jsHeapUsedBytes: number;
  jsHeapTotalBytes: number;
  domNodes: number;
  /** Proportional set size of the tab's renderer process (/proc/<pid>/smaps_rollup). */
  rendererPssBytes: number;
  rendererRssBytes: number;
}

/** What the probe recorded besides the keystrokes. */
interface ProbeRecord {
  withoutInput: number;
  longTasks: { duration: number }[];
  slowEvents: { id: number; duration: number }[];
}

/** How to open, drive and check one page under test (Accord or the peer). */
export interface PageUnderTest {
  /** Prepares the fresh context, e.g. signs in; may leave the page anywhere. */
  prepare(page: Page): Promise<void>;
  url: string;
  /** Which readiness check of pageProbe.js applies, and how many top-level blocks the document has. */
  ready: { page: "accord" | "peer"; blocks: number };
  /** The editor's content element. */
  editor: string;
  /** Runs after opening, before typing (e.g. switch to suggesting). */
  beforeTyping?(page: Page): Promise<void>;
  /** Checks in the page that the typed `marker` arrived as it should. */
  landed(page: Page, marker: string): Promise<boolean>;
}

export interface TypingPlan {
  /** Top-level block (a plain paragraph) to type at the end of. */
  block: number;
  keystrokes: number;
  intervalMs: number;
  /** Called once the page is open, before typing (starts the remote typists); returns how to stop them. */
  during?: () => () => void;
  /** BENCH_BROWSER_PROFILE: write a V8 CPU profile of the typing phase here. */
  profileFile?: string;
}

/**
 * One tab in a fresh browser context: prepare (sign in), navigate to the document and time
 * it until editable, put the caret at the end of the chosen paragraph, type real keys at
 * the given pace while the probe (pageProbe.js) times each keystroke to its painted frame,
 * then read the tab's memory.
 */
export async function runPageSession(
  browser: Browser,
  target: PageUnderTest,
  plan: TypingPlan,
): Promise<SessionResult> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  let stopDuring: (() => void) | undefined;
  try {
    await context.addInitScript({ path: PROBE });
    const page = await context.newPage();
    let reported = 0;
    const report = (what: string) => reported++ < 5 && console.error(`browser page: ${what.slice(0, 300)}`);
    page.on("pageerror", (e) => report(e.message));
    page.on("crash", () => report("the renderer crashed"));
    // Each recorded keystroke's latency, as the probe reports it (so typing can wait for it).
    const painted: number[] = [];
    await page.exposeFunction("__benchKeyPainted", (ms: number) => {
      painted.push(ms);
      paintedSignal.notify();
    });
    await target.prepare(page);
    await page.goto("about:blank");
    await page.goto(target.url);
    const openMs = await within(
      page.evaluate(
        ([name, blocks]) =>
          (
            globalThis as unknown as { __benchProbe: { whenReady(p: string, b: number): Promise<number> } }
          ).__benchProbe.whenReady(name, blocks),
        [target.ready.page, target.ready.blocks] as const,
      ),
      120_000,
      "the document to open",
    );
    await target.beforeTyping?.(page);
    await caretAtEndOfBlock(page, target.editor, plan.block);
    stopDuring = plan.during?.();
    const marker = "Qz";
    await typeAtPace(page, `${marker} `, plan.intervalMs); // warm-up, not recorded
    const cdp = await context.newCDPSession(page);
    if (plan.profileFile) {
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
    }
    const renderer = await tabRenderer(browser);
    const affinity = await browserAffinity(browser);
    await page.evaluate("globalThis.__benchProbe.recording = true");
    // From here: a tab busy with the remote typists may take long to answer the line above.
    const cpuBefore = cpuMs(renderer);
    const typingStart = performance.now();
    // A tab that cannot keep up must not hold the run for ever: typing ends at the deadline.
    const deadline = typingStart + plan.keystrokes * plan.intervalMs * 2 + 20_000;
    const typed = await typeClosedLoop(page, textOf(plan.keystrokes), plan.intervalMs, painted, deadline);
    stopDuring?.();
    stopDuring = undefined;
    const rendererCpu = { ms: cpuMs(renderer) - cpuBefore, wallMs: performance.now() - typingStart };
    // A saturated tab may not answer for minutes: then what it recorded (long tasks, event
    // timing) is missing, but the keys it painted, its CPU time and its memory still count.
    const probe = await within(
      page.evaluate(`(() => {
        const p = globalThis.__benchProbe;
        p.recording = false;
        return { withoutInput: p.withoutInput, longTasks: p.longTasks, slowEvents: p.slowEvents };
      })()`) as Promise<ProbeRecord>,
      60_000,
      "the tab to answer after typing",
    ).catch((e): ProbeRecord | null => {
      report(String(e));
      return null;
    });
    if (plan.profileFile && probe) {
      const { profile } = await cdp.send("Profiler.stop");
      writeFileSync(plan.profileFile, JSON.stringify(profile));
    }
    const memory = await tabMemory(context, page, renderer);
    const landed = await within(target.landed(page, marker), 10_000, "the typed text").catch((e) => {
      report(String(e));
      return false;
    });
    const keystroke = summarise(painted);
    const perInteraction = new Map<number, number>();
    for (const e of probe?.slowEvents ?? [])
      perInteraction.set(e.id, Math.max(perInteraction.get(e.id) ?? 0, e.duration));
    return {
      openMs,
      keystroke: { ...keystroke, p50: keystroke.median },
      typed,
      saturated: painted.length < plan.keystrokes,
      withoutInput: probe?.withoutInput ?? -1,
      longTasks: probe
        ? {
            count: probe.longTasks.length,
            totalMs: probe.longTasks.reduce((s, t) => s + t.duration, 0),
            maxMs: Math.max(0, ...probe.longTasks.map((t) => t.duration)),
          }
        : null,
      slowInteractions: probe ? { count: perInteraction.size, maxMs: Math.max(0, ...perInteraction.values()) } : null,
      memory,
      rendererCpuMsPerS: (rendererCpu.ms / rendererCpu.wallMs) * 1000,
      affinity,
      landed,
    };
  } finally {
    stopDuring?.();
    await context.close();
  }
}

/** Prose to type: words and spaces (no Enter, which would make new paragraphs). */
function textOf(count: number): string {
  const words = "die Fachstelle prüft jede Eingabe der Gemeinden und meldet dem SEM ";
  return Array.from({ length: count }, (_, i) => words[i % words.length]).join("");
}

/** Wakes whoever waits for the next painted keystroke. */
const paintedSignal = {
  waiters: [] as (() => void)[],
  notify() {
    for (const w of this.waiters.splice(0)) w();
  },
  next(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms));
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  },
};

/**
 * Types `text` one key every `intervalMs`, but never ahead of the screen: a key whose frame
 * has not been painted holds the next one back (a typist waits for a frozen editor), so a
 * slow tab is measured per key instead of by a queue of its own making. Stops at `deadline`;
 * returns the keys typed.
 */
async function typeClosedLoop(
  page: Page,
  text: string,
  intervalMs: number,
  painted: readonly number[],
  deadline: number,
): Promise<number> {
  let typed = 0;
  for (const key of text) {
    const sentAt = performance.now();
    if (sentAt > deadline) break;
    const before = painted.length;
    await page.keyboard.type(key);
    typed++;
    while (painted.length <= before && performance.now() < deadline)
      await paintedSignal.next(deadline - performance.now());
    const wait = sentAt + intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
  }
  return typed;
}

/** Types `text` one key at a time, a key every `intervalMs` (on a fixed schedule, not after each other). */
async function typeAtPace(page: Page, text: string, intervalMs: number): Promise<void> {
  const start = performance.now();
  for (let i = 0; i < text.length; i++) {
    const wait = start + i * intervalMs - performance.now();
    if (wait > 0) await sleep(wait);
    await page.keyboard.type(text[i] ?? " ");
  }
}

/** Scrolls block `index` of the editor to the middle of the view and puts the caret at the end of its text. */
async function caretAtEndOfBlock(page: Page, editor: string, index: number): Promise<void> {
  const block = page.locator(`${editor} > :nth-child(${index + 1})`);
  await block.evaluate((el) =>
    (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: "center" }),
  );
  await block.click();
  await block.evaluate((el) => {
    const doc = el.ownerDocument;
    const range = doc.createRange();
    range.selectNodeContents(el);
    range.collapse(false);
    const selection = doc.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  });
  await sleep(300);
}

/** JS heap and DOM size of the page (CDP Performance.getMetrics) and its renderer's PSS/RSS. */
async function tabMemory(context: BrowserContext, page: Page, renderer: number): Promise<TabMemory> {
  const cdp = await context.newCDPSession(page);
  const { metrics } = await within(
    cdp.send("Performance.enable").then(() => cdp.send("Performance.getMetrics")),
    30_000,
    "the tab's metrics",
  ).catch(() => ({ metrics: [] as { name: string; value: number }[] }));
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const tab = processMemory(renderer);
  return {
    jsHeapUsedBytes: metric("JSHeapUsedSize"),
    jsHeapTotalBytes: metric("JSHeapTotalSize"),
    domNodes: metric("Nodes"),
    rendererPssBytes: tab.pss,
    rendererRssBytes: tab.rss,
  };
}

interface ProcessInfo {
  type: string;
  id: number;
}

/** Pids of the browser's processes by type (CDP SystemInfo.getProcessInfo). */
export async function browserProcesses(browser: Browser): Promise<ProcessInfo[]> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send("SystemInfo.getProcessInfo")) as { processInfo: ProcessInfo[] };
    return processInfo;
  } finally {
    await cdp.detach();
  }
}

/** The pid of the tab's renderer: only one context is open, so it is the largest renderer (others are spare). */
async function tabRenderer(browser: Browser): Promise<number> {
  const renderers = (await browserProcesses(browser)).filter((p) => p.type === "renderer");
  const sized = renderers.map((p) => ({ pid: p.id, pss: processMemory(p.id).pss })).sort((a, b) => b.pss - a.pss);
  const tab = sized[0];
  if (!tab) throw new Error("no renderer process");
  return tab.pid;
}

function processMemory(pid: number): { pss: number; rss: number } {
  try {
    const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(rollup)?.[1] ?? 0) * 1024;
    return { pss: kb("Pss"), rss: kb("Rss") };
  } catch {
    return { pss: 0, rss: 0 };
  }
}

/** The CPUs each of the browser's processes may run on (Cpus_allowed_list), to show they share the client core. */
export async function browserAffinity(browser: Browser): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const p of await browserProcesses(browser)) {
    try {
      const status = readFileSync(`/proc/${p.id}/status`, "utf8");
      out[`${p.type} ${p.id}`] = /^Cpus_allowed_list:\s*(\S+)/m.exec(status)?.[1] ?? "?";
    } catch {
      out[`${p.type} ${p.id}`] = "gone";
    }
  }
  return out;
}
