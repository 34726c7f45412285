import { existsSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
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

/** A user in their own browser context (own cookies and IndexedDB), signed in through the UI. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  email: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl });
  cleanup(() => context.close());
  const page = await context.newPage();
  await page.goto("/#/login");
  await page.getByTestId("login-email").fill(email);
  await page.getByTestId("login-password").fill(DEMO_PASSWORD);
  await page.getByTestId("login-submit").click();
  await page.getByTestId("document-list").waitFor();
  return { context, page };
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
