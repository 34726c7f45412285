import { existsSync } from "node:fs";
import path from "node:path";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Locator,
  type Page,
} from "playwright-core";
import { cleanup } from "./cleanup.ts";
import { DEMO_PASSWORD } from "./server.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium, headless; the network flags keep it from calling home on a closed network. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium`);
  if (!existsSync(path.resolve("dist/index.html"))) throw new Error("client not built: run `npm run build` first");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  cleanup(() => browser.close());
  return browser;
}

/**
 * A user in their own browser context (own cookies and IndexedDB), signed in through the UI.
 * `options` go to the context, e.g. `bypassCSP` to test the page's own defences without the CSP.
 */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...options, baseURL: baseUrl });
  cleanup(() => context.close());
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

/**
 * Signs a demo user in through the sign-in form of `page` and waits for the element with test
 * id `landing` (the document list; the admin link for Sandra Keller, who is in no document).
 */
export async function signIn(page: Page, email: string, landing = "document-list"): Promise<void> {
  await page.goto("/#/login");
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.getByTestId(landing).waitFor();
}

/** Opens a document from the list and waits until it is connected and shows its content. */
export async function openDocument(page: Page, documentId: string): Promise<void> {
  await page.getByTestId(`doc-link-${documentId}`).click();
  await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
  await page.getByTestId("editor").locator("p, h1, h2").first().waitFor();
}

/** The editor's text without the remote caret labels (which are in the DOM, not in the document). */
export function editorText(page: Page): Promise<string> {
  return page.getByTestId("editor").evaluate((el) => {
    const copy = el.cloneNode(true) as typeof el;
    for (const label of copy.querySelectorAll(".collaboration-carets__label")) label.remove();
    return copy.textContent ?? "";
  });
}

/**
 * Selects an element's text the way a user does, by dragging the mouse from its first
 * line's start to its last line's end (works in read-only editors too).
 */
export async function selectByDragging(page: Page, target: Locator): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error("element to select is not visible");
  const line = Math.min(box.height / 2, 8);
  await page.mouse.move(box.x + 1, box.y + line);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(box.x + box.width - 1, box.y + box.height - line, { steps: 4 });
  await page.mouse.up();
}

/** Comments on `target` (a passage of the editor) as a user does: select, "Kommentieren", type, send; waits for a thread. */
export async function addComment(page: Page, target: Locator, text: string): Promise<void> {
  await selectByDragging(page, target);
  await page.getByTestId("comment-button").click();
  await page.getByTestId("comment-input").fill(text);
  await page.getByTestId("comment-submit").click();
  await page.getByTestId("comment-thread").first().waitFor();
}

/** The page globals `pasteInto` needs; the test program is compiled without DOM types. */
interface ClipboardGlobals {
  DataTransfer: new () => { setData(format: string, data: string): void };
  ClipboardEvent: new (
    type: string,
    init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean },
  ) => unknown;
}

/**
 * Pastes into `target` (the editor) through the browser's paste path: a synthetic paste
 * ClipboardEvent carrying a DataTransfer with `text/html` and `text/plain`, handled exactly
 * like Ctrl+V (the editor's clipboard parser runs; `insertContent` would skip it).
 */
export async function pasteInto(target: Locator, data: { html?: string; text: string }): Promise<void> {
  await target.evaluate((el, clip) => {
    const page = globalThis as unknown as ClipboardGlobals;
    const transfer = new page.DataTransfer();
    if (clip.html !== undefined) transfer.setData("text/html", clip.html);
    transfer.setData("text/plain", clip.text);
    el.dispatchEvent(new page.ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, data);
}

/** The test id of the element that has the focus. */
export const focusedTestId = (page: Page) =>
  page.evaluate(
    () =>
      (
        globalThis as unknown as { document: { activeElement: { getAttribute(n: string): string | null } | null } }
      ).document.activeElement?.getAttribute("data-testid") ?? null,
  );

/**
 * Puts the caret at the end of `block`'s text (a paragraph of the editor), whatever the
 * layout: "End" only reaches the end of the visual line, and a paragraph wraps in a narrow column.
 */
export async function caretAtEndOf(block: Locator): Promise<void> {
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
}
