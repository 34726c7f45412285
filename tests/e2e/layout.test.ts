import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiClient } from "../helpers/api.ts";
import { launchBrowser, openDocument, signIn } from "../helpers/browser.ts";
import { cleanup } from "../helpers/cleanup.ts";
import { login, startTestServer } from "../helpers/server.ts";

const DOC = "kip3-vereinbarung-so";
const PANELS = [
  "outline",
  "suggestions",
  "versions",
  "history",
  "comments",
  "presence",
  "members",
  "finance",
  "checks",
];

type Box = { x: number; y: number; width: number; height: number };

async function box(locator: Locator): Promise<Box> {
  const b = await locator.boundingBox();
  if (!b) throw new Error("element not rendered");
  return b;
}

/** Whether the topmost element at each of a grid of points in `area` lies inside `owner` (not under something). */
function topmostWithin(page: Page, owner: string, area: Box): Promise<boolean[]> {
  return page.evaluate(
    ({ selector, a }) => {
      const doc = globalThis as unknown as {
        document: { elementFromPoint(x: number, y: number): unknown; querySelector(s: string): unknown };
      };
      const root = doc.document.querySelector(selector) as { contains(n: unknown): boolean };
      const hits: boolean[] = [];
      for (const fx of [0.1, 0.5, 0.9])
        for (const fy of [0.1, 0.5, 0.9])
          hits.push(root.contains(doc.document.elementFromPoint(a.x + a.width * fx, a.y + a.height * fy)));
      return hits;
    },
    { selector: owner, a: area },
  );
}

const intersection = (a: Box, b: Box): Box | null => {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const width = Math.min(a.x + a.width, b.x + b.width) - x;
  const height = Math.min(a.y + a.height, b.y + b.height) - y;
  return width > 0 && height > 0 ? { x, y, width, height } : null;
};

/** Whether the element lies wholly within the window. */
const inView = async (page: Page, locator: Locator) => {
  const b = await box(locator);
  const height = await page.evaluate(() => (globalThis as unknown as { innerHeight: number }).innerHeight);
  return b.y >= 0 && b.y + b.height <= height;
};

describe("a layout that never hides the text", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  // A rejected milestone: a version to open and compare, and the text editable again (toolbar shown).
  const api = apiClient(server.url);
  const version = await api<{ id: string }>("POST", `/api/documents/${DOC}/milestones`, {
    cookie: await login(server.url, "andrea.meier@so.ch"),
    json: { includeOpen: true, override: "Mündlich bereinigt." },
  });
  const rejected = await api("POST", `/api/versions/${version.body.id}/approvals`, {
    cookie: await login(server.url, "claire.dubois@sem.admin.ch"),
    json: { decision: "reject", reason: "Noch nicht bereinigt." },
  });
  if (rejected.status !== 201) throw new Error(`rejecting the milestone: ${rejected.text}`);

  const browser = await launchBrowser();
  // No smooth scrolling: where a jump ends is then where it is right after the click.
  const context = await browser.newContext({
    baseURL: server.url,
    viewport: { width: 1280, height: 800 },
    reducedMotion: "reduce",
  });
  cleanup(() => context.close());
  const page = await context.newPage();
  await signIn(page, "andrea.meier@so.ch");
  await openDocument(page, DOC);
  const toolbar = page.locator(".toolbar-wrap");
  const scrollTo = (y: number) =>
    page.evaluate((top) => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, top), y);

  it("puts the outline left of the text and the panels right of it on a wide screen", async () => {
    const [outline, text, panels] = await Promise.all([
      box(page.getByTestId("outline")),
      box(page.getByTestId("editor")),
      box(page.getByTestId("versions-panel")),
    ]);
    expect(outline.x + outline.width).toBeLessThanOrEqual(text.x);
    expect(text.x + text.width).toBeLessThanOrEqual(panels.x);
    expect(await page.getByTestId("panel-tabs").isVisible()).toBe(false);
  });

  it("keeps the toolbar under the version viewer and the comparison", async () => {
    await scrollTo(2000);
    for (const open of ["version-open", "version-compare"]) {
      await page.getByTestId(open).first().click();
      await page.getByTestId("viewer-content").locator("p").first().waitFor();
      const overlap = intersection(await box(toolbar), await box(page.getByTestId("version-viewer")));
      // The toolbar stays where it is, behind the dialog: the check covers their common area.
      expect(overlap).not.toBeNull();
      if (overlap) expect(await topmostWithin(page, '[data-testid="version-viewer"]', overlap)).not.toContain(false);
      // By keyboard: the dialog takes the focus and keeps it, Escape closes it and gives the focus back.
      expect(await page.getByTestId("viewer-close").evaluate((b) => b === b.ownerDocument.activeElement)).toBe(true);
      for (const key of ["Tab", "Tab", "Tab", "Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab", "Shift+Tab"]) {
        await page.keyboard.press(key);
        expect(
          await page.getByTestId("version-viewer").evaluate((d) => d.contains(d.ownerDocument.activeElement)),
          key,
        ).toBe(true);
      }
      await page.keyboard.press("Escape");
      await expect.poll(() => page.getByTestId("version-viewer").count()).toBe(0);
      expect(
        await page
          .getByTestId(open)
          .first()
          .evaluate((b) => b === b.ownerDocument.activeElement),
      ).toBe(true);
    }
  });

  it("leaves a heading the outline jumps to below the sticky toolbar, in view", async () => {
    await scrollTo(0);
    const items = page.getByTestId("outline-item");
    for (const index of [4, 1, (await items.count()) - 1]) {
      const label = (await items.nth(index).textContent()) ?? "";
      await items.nth(index).click();
      const heading = page.getByTestId("editor").locator("h1, h2", { hasText: label }).first();
      const [bar, target] = [await box(page.locator(".editor__bar")), await box(heading)];
      expect(target.y, label).toBeGreaterThanOrEqual(bar.y + bar.height);
      expect(await inView(page, heading), label).toBe(true);
    }
  });

  it("keeps the mode bar and the connection status in view while the text scrolls", async () => {
    for (const y of [1500, 4000, 100_000]) {
      await scrollTo(y);
      expect(await inView(page, page.getByTestId("suggest-preview"))).toBe(true);
      expect(await inView(page, page.getByTestId("connection-status"))).toBe(true);
      expect(await inView(page, toolbar)).toBe(true);
    }
  });

  it("at 768 px opens every panel in one click, in view and on top, and closes it again", async () => {
    await page.setViewportSize({ width: 768, height: 900 });
    await scrollTo(3000);
    for (const id of PANELS) {
      const tab = page.getByTestId(`panel-tab-${id}`);
      expect(await inView(page, tab), id).toBe(true);
      await tab.click();
      const panel = page.locator(`#panel-${id} .panel`).first();
      await panel.waitFor();
      expect(await tab.getAttribute("aria-expanded")).toBe("true");
      // Keyboard users land in the panel opened.
      expect(await page.locator(`#panel-${id}`).evaluate((el) => el.contains(el.ownerDocument.activeElement))).toBe(
        true,
      );
      expect(await inView(page, panel.locator(".panel__title")), id).toBe(true);
      expect(await topmostWithin(page, `#panel-${id}`, await box(panel.locator(".panel__title"))), id).not.toContain(
        false,
      );
      // Only the open panel is shown: the others do not push the text down.
      expect(await page.locator('.side-panel[data-open="false"] .panel').evaluateAll((ps) => ps.length)).toBe(
        PANELS.length - 1,
      );
      expect(await page.locator(".side-panel .panel:visible").count(), `${id}: one panel visible at a time`).toBe(1);
    }
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".side-panel .panel:visible").count()).toBe(0);
    await page.getByTestId("panel-tab-outline").click();
    await page.getByTestId("outline-item").nth(2).click();
    // A jump closes the drawer and shows the heading.
    await expect.poll(() => page.getByTestId("outline").isVisible()).toBe(false);
    const label = (await page.getByTestId("outline-item").nth(2).textContent()) ?? "";
    expect(await inView(page, page.getByTestId("editor").locator("h1, h2", { hasText: label }).first())).toBe(true);
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
