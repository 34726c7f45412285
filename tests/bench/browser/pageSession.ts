import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { type Summary, summarise } from "../stats.ts";

const PROBE = path.resolve("tests/bench/browser/pageProbe.js");
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What one page (a tab) measured: open, typing and memory. */
export interface SessionResult {
  /** Navigation start → editable (the page's own signal, see `PageUnderTest.ready`), ms. */
  openMs: number;
  /** Keydown → next frame painted after the input, ms. */
  keystroke: Summary & { p50: number };
  /** Keystrokes whose key fired no input event (measured from the keydown's task). */
  withoutInput: number;
  /** Long tasks (≥ 50 ms) while typing. */
  longTasks: { count: number; totalMs: number; maxMs: number };
  /** Event Timing interactions of ≥ 16 ms while typing (the browser's own input → paint). */
  slowInteractions: { count: number; maxMs: number };
  memory: TabMemory;
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

/** How to open, drive and check one page under test (Accord or the peer). */
export interface PageUnderTest {
  /** Prepares the fresh context, e.g. signs in; may leave the page anywhere. */
  prepare(page: Page): Promise<void>;
  url: string;
  /** Predicate source run in the page: true once the editor is editable with the whole document, synced. */
  ready: string;
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
    await target.prepare(page);
    await page.goto("about:blank");
    await page.goto(target.url);
    const openMs = Number(
      await (
        await page.waitForFunction(`(${target.ready})() && performance.now()`, undefined, {
          polling: "raf",
          timeout: 120_000,
        })
      ).jsonValue(),
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
    await page.evaluate("globalThis.__benchProbe.recording = true");
    await typeAtPace(page, textOf(plan.keystrokes), plan.intervalMs);
    await sleep(500); // the last frames
    await page.evaluate("globalThis.__benchProbe.recording = false");
    if (plan.profileFile) {
      const { profile } = await cdp.send("Profiler.stop");
      writeFileSync(plan.profileFile, JSON.stringify(profile));
    }
    const probe = (await page.evaluate("globalThis.__benchProbe")) as {
      keys: number[];
      withoutInput: number;
      longTasks: { duration: number }[];
      slowEvents: { id: number; duration: number }[];
    };
    const memory = await tabMemory(browser, context, page);
    const landed = await target.landed(page, marker);
    const keystroke = summarise(probe.keys);
    const perInteraction = new Map<number, number>();
    for (const e of probe.slowEvents) perInteraction.set(e.id, Math.max(perInteraction.get(e.id) ?? 0, e.duration));
    return {
      openMs,
      keystroke: { ...keystroke, p50: keystroke.median },
      withoutInput: probe.withoutInput,
      longTasks: {
        count: probe.longTasks.length,
        totalMs: probe.longTasks.reduce((s, t) => s + t.duration, 0),
        maxMs: Math.max(0, ...probe.longTasks.map((t) => t.duration)),
      },
      slowInteractions: { count: perInteraction.size, maxMs: Math.max(0, ...perInteraction.values()) },
      memory,
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
async function tabMemory(browser: Browser, context: BrowserContext, page: Page): Promise<TabMemory> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Performance.enable");
  const { metrics } = await cdp.send("Performance.getMetrics");
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
  const renderers = (await rendererPids(browser)).map(processMemory);
  // Only this context is open: the largest renderer is the tab (others are spare or utility).
  const tab = renderers.sort((a, b) => b.pss - a.pss)[0] ?? { pss: 0, rss: 0 };
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

const rendererPids = async (browser: Browser) =>
  (await browserProcesses(browser)).filter((p) => p.type === "renderer").map((p) => p.id);

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
