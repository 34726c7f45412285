import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { editorText, launchBrowser, openDocument, signedInPage } from "../helpers/browser.ts";
import { startTestServer, tempDataDir } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";
import { textOf } from "../helpers/yClient.ts";

const DOC = "kip3-vereinbarung-so";

/** Places the caret at the end of the first paragraph after the heading "Art. 1 Gegenstand". */
async function caretIntoArticle1(page: import("playwright-core").Page): Promise<void> {
  const paragraph = page.getByTestId("editor").locator("h2:has-text('Art. 1 Gegenstand') + p");
  await paragraph.click();
  await page.keyboard.press("End");
}

describe("live co-editing in the browser", async () => {
  const dataDir = tempDataDir();
  const server = await startTestServer({ STATIC_DIR: "dist" }, dataDir);
  const browser = await launchBrowser();
  const canton = await signedInPage(browser, server.url, "andrea.meier@so.ch");
  const sem = await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch");
  await openDocument(canton.page, DOC);
  await openDocument(sem.page, DOC);

  it("shows what one user types to the other, with the writer's caret and name", async () => {
    await caretIntoArticle1(canton.page);
    await canton.page.keyboard.type(" Ergänzung des Kantons.");
    await expect.poll(() => editorText(sem.page), { timeout: 10_000 }).toContain("Ergänzung des Kantons.");
    const label = sem.page.locator(".collaboration-carets__label", { hasText: "Andrea Meier" });
    await label.waitFor({ timeout: 10_000 });
    expect(await label.textContent()).toContain("Andrea Meier");
    await expect.poll(() => sem.page.getByTestId("presence").textContent()).toContain("Andrea Meier");
  });

  it("renders single keystrokes at the peer (latency printed for the record, not asserted)", async () => {
    const latencies: number[] = [];
    for (let i = 1; i <= 20; i++) {
      const started = performance.now();
      await canton.page.keyboard.type("§");
      // A function (a string would be eval'd, which the page's CSP forbids); the test
      // program has no DOM types, hence the narrow view of the page's globals.
      await sem.page.waitForFunction(
        (n) => {
          const page = globalThis as unknown as {
            document: { querySelector(s: string): { textContent: string | null } | null };
          };
          return (page.document.querySelector("[data-testid=editor]")?.textContent ?? "").split("§").length > n;
        },
        i,
        { polling: "raf" },
      );
      latencies.push(performance.now() - started);
    }
    latencies.sort((a, b) => a - b);
    console.info(
      `keystroke → peer render over 20 keystrokes: median ${latencies[10]?.toFixed(1)} ms, max ${latencies[19]?.toFixed(1)} ms`,
    );
    await expect.poll(() => editorText(sem.page)).toContain("§".repeat(20));
  });

  it("keeps the content after a reload", async () => {
    await sem.page.reload();
    await sem.page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
    await expect.poll(() => editorText(sem.page), { timeout: 10_000 }).toContain("Ergänzung des Kantons.");
  });

  it("delivers an edit made offline to the peer after reconnecting", async () => {
    await sem.context.setOffline(true);
    await sem.page.locator('[data-testid="connection-status"][data-status="offline"]').waitFor();
    await caretIntoArticle1(sem.page);
    await sem.page.keyboard.type(" Offline geschrieben vom SEM.");
    await expect.poll(() => sem.page.getByTestId("connection-status").getAttribute("data-pending")).not.toBe("0");
    // The peer must not have it while the writer is offline.
    await new Promise((r) => setTimeout(r, 300));
    expect(await editorText(canton.page)).not.toContain("Offline geschrieben");

    await sem.context.setOffline(false);
    await expect.poll(() => editorText(canton.page), { timeout: 15_000 }).toContain("Offline geschrieben vom SEM.");
    await sem.page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
  });

  it("has stored every edit of both users, online and offline (the data directory's size printed for the record)", async () => {
    await expect
      .poll(async () => textOf(await storedDoc(server, DOC)), { timeout: 10_000 })
      .toContain("Offline geschrieben vom SEM.");
    const stored = textOf(await storedDoc(server, DOC));
    expect(stored).toContain("Ergänzung des Kantons.");
    expect(stored).toContain("§".repeat(20));
    const bytes = readdirSync(dataDir).reduce((sum, f) => sum + statSync(path.join(dataDir, f)).size, 0);
    console.info(
      `data directory after the browser tests: ${(bytes / 1024).toFixed(0)} KiB (${readdirSync(dataDir).join(", ")})`,
    );
  });
});
