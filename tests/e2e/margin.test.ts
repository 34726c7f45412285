import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { personColour } from "../../client/src/collab/personColour.ts";
import { launchBrowser, openDocument, selectByDragging, signedInPage } from "../helpers/browser.ts";
import { ausgangslage } from "../helpers/conceptText.ts";
import { login, startTestServer } from "../helpers/server.ts";
import { connectClient, eventually, textHolding } from "../helpers/yClient.ts";

const DOC = "kip3-konzept-so";
const WIDE = { viewport: { width: 1440, height: 700 } };
/** The paragraph under "1.2 Vorgehen", just below the Ausgangslage. */
const vorgehen = (page: Page) => page.getByTestId("editor").locator("h2:has-text('1.2 Vorgehen') + p");
const zusammenfassung = (page: Page) => page.getByTestId("editor").locator("h1:has-text('Zusammenfassung') + p");

/** The page globals the measurements use; the test program is compiled without DOM types. */
interface Box {
  getBoundingClientRect(): { top: number; bottom: number };
}
interface Win {
  innerHeight: number;
  scrollY: number;
  document: { querySelector(s: string): Box | null };
  getComputedStyle(el: unknown): { opacity: string; borderLeftColor: string };
}

/** Top of a thread's card and of its passage, in page coordinates, read in one go. */
function tops(page: Page, threadId: string): Promise<{ card: number; text: number } | null> {
  return page.evaluate((id) => {
    const w = globalThis as unknown as Win;
    const card = w.document.querySelector(`[data-testid="margin"] [data-thread-id="${id}"]`);
    const text = w.document.querySelector(`.comment-highlight[data-thread-id="${id}"]`);
    if (!card || !text) return null;
    return { card: card.getBoundingClientRect().top + w.scrollY, text: text.getBoundingClientRect().top + w.scrollY };
  }, threadId);
}

/** Whether the element's box lies within the window's height. */
const inViewport = (target: Locator) =>
  target.evaluate((el) => {
    const r = (el as unknown as Box).getBoundingClientRect();
    // Sub-pixel rounding aside.
    return r.top >= -1 && r.bottom <= (globalThis as unknown as Win).innerHeight + 1;
  });

/**
 * A point in the middle of the longest line of a passage, relative to its box: in a narrow column
 * an inline element wraps, and the middle of its box may then lie between its lines, on the paragraph.
 */
function withinLongestLine(target: Locator): Promise<{ x: number; y: number }> {
  return target.evaluate((el) => {
    type Rect = { left: number; top: number; width: number; height: number };
    const box = el as unknown as { getBoundingClientRect(): Rect; getClientRects(): ArrayLike<Rect> };
    const outer = box.getBoundingClientRect();
    const line = Array.from(box.getClientRects()).reduce((a, b) => (b.width > a.width ? b : a));
    return { x: line.left - outer.left + line.width / 2, y: line.top - outer.top + line.height / 2 };
  });
}

async function comment(page: Page, passage: Locator, text: string): Promise<string> {
  await selectByDragging(page, passage);
  const button = page.getByTestId("comment-button");
  await expect.poll(() => button.isEnabled()).toBe(true);
  await button.click();
  await page.getByTestId("comment-input").fill(text);
  await page.getByTestId("comment-submit").click();
  const card = page.getByTestId("comment-thread").filter({ hasText: text });
  await card.waitFor();
  return (await card.getAttribute("data-thread-id")) as string;
}

const caretOf = (page: Page, userId: string) => page.locator(`.collaboration-carets__caret[data-user-id="${userId}"]`);
const labelOpacity = (caret: Locator) =>
  caret
    .locator(".collaboration-carets__label")
    .evaluate((el) => Number((globalThis as unknown as Win).getComputedStyle(el).opacity));

describe("threads beside their text, for two people of the canton", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const andrea = await signedInPage(browser, server.url, "andrea.meier@so.ch", WIDE);
  const lukas = await signedInPage(browser, server.url, "lukas.frei@so.ch", WIDE);
  await openDocument(andrea.page, DOC);
  await openDocument(lukas.page, DOC);
  const threads: string[] = [];

  it("puts a new thread's card in the margin at its passage, for both", async () => {
    threads.push(await comment(andrea.page, ausgangslage(andrea.page), "Erster Hinweis zur Ausgangslage."));
    const first = threads[0] as string;
    for (const page of [andrea.page, lukas.page]) {
      await expect.poll(() => tops(page, first), { timeout: 10_000 }).not.toBeNull();
      await expect
        .poll(async () => {
          const t = await tops(page, first);
          return t && Math.abs(t.card - t.text);
        })
        .toBeLessThanOrEqual(4);
      // Below 1400 px the panel lists them; here they are in the margin only.
      expect(await page.getByTestId("comments-panel").getByTestId("comment-thread").count()).toBe(0);
    }
  });

  it("moves the card down with its text when the other user writes paragraphs above it", async () => {
    const first = threads[0] as string;
    const before = (await tops(andrea.page, first)) as { card: number; text: number };
    await zusammenfassung(lukas.page).click();
    await lukas.page.keyboard.press("End");
    for (let i = 1; i <= 4; i++) {
      await lukas.page.keyboard.press("Enter");
      await lukas.page.keyboard.type(`Neuer Absatz ${i} von Lukas.`);
    }
    await expect
      .poll(async () => ((await tops(andrea.page, first)) as { text: number }).text, { timeout: 10_000 })
      .toBeGreaterThan(before.text + 80);
    await expect
      .poll(async () => {
        const t = (await tops(andrea.page, first)) as { card: number; text: number };
        return Math.abs(t.card - t.text);
      })
      .toBeLessThanOrEqual(4);
  });

  it("stacks cards without overlap, and clicking a card far below its text scrolls the text into view", async () => {
    for (let i = 2; i <= 5; i++) threads.push(await comment(andrea.page, ausgangslage(andrea.page), `Hinweis ${i}.`));
    const last = await comment(andrea.page, vorgehen(andrea.page), "Zum Vorgehen.");
    threads.push(last);
    const card = andrea.page.locator(`[data-testid="margin"] [data-thread-id="${last}"]`);
    const text = andrea.page.locator(`.comment-highlight[data-thread-id="${last}"]`).first();
    // With the first thread active, the five cards above push it down, well past its passage.
    await andrea.page
      .locator(`[data-testid="margin"] [data-thread-id="${threads[0]}"]`)
      .getByTestId("comment-quote")
      .click();
    await expect
      .poll(async () => {
        const t = (await tops(andrea.page, last)) as { card: number; text: number };
        return t.card - t.text;
      })
      .toBeGreaterThan(700);
    const boxes = await andrea.page
      .getByTestId("margin")
      .getByTestId("comment-thread")
      .evaluateAll((els) => els.map((el) => (el as unknown as Box).getBoundingClientRect()));
    const sorted = boxes.map((b) => ({ top: b.top, bottom: b.bottom })).sort((a, b) => a.top - b.top);
    expect(sorted.length).toBe(6);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]?.top).toBeGreaterThanOrEqual((sorted[i - 1]?.bottom as number) - 0.5);
    await card.evaluate((el) =>
      (el as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: "end" }),
    );
    expect(await inViewport(text)).toBe(false);
    await card.getByTestId("comment-quote").click();
    await expect.poll(() => inViewport(text)).toBe(true);
    expect(await card.getAttribute("class")).toContain("thread--focused");
    await andrea.page.locator(`.comment-highlight--active[data-thread-id="${last}"]`).first().waitFor();
  });

  it("activates the card from the text and brings it into view", async () => {
    const first = threads[0] as string;
    const last = threads.at(-1) as string;
    const card = andrea.page.locator(`[data-testid="margin"] [data-thread-id="${first}"]`);
    await card.getByTestId("comment-quote").click();
    await expect.poll(() => card.getAttribute("data-active")).toBe("true");
    const lastCard = andrea.page.locator(`[data-testid="margin"] [data-thread-id="${last}"]`);
    // Its text is in view now, its card (six cards down) is not.
    await vorgehen(andrea.page).scrollIntoViewIfNeeded();
    await andrea.page.evaluate(() => {
      const w = globalThis as unknown as { scrollBy(x: number, y: number): void };
      w.scrollBy(0, -300);
    });
    expect(await inViewport(lastCard)).toBe(false);
    await andrea.page.locator(`.comment-highlight[data-thread-id="${last}"]`).first().click();
    await expect.poll(() => lastCard.getAttribute("class")).toContain("thread--focused");
    await expect.poll(() => inViewport(lastCard)).toBe(true);
    expect(await card.getAttribute("data-active")).toBe("false");
  });

  it("puts a suggestion's card beside its insertion, active when the caret is in it", async () => {
    await lukas.page.getByTestId("suggest-toggle").click();
    await vorgehen(lukas.page).click();
    await lukas.page.keyboard.press("End");
    await lukas.page.keyboard.type(" Vorschlag von Lukas.");
    const inserted = andrea.page
      .getByTestId("editor")
      .locator("ins[data-suggestion]", { hasText: "Vorschlag von Lukas." });
    await inserted.waitFor({ timeout: 10_000 });
    const card = andrea.page
      .getByTestId("margin")
      .getByTestId("suggestion-card")
      .filter({ hasText: "Vorschlag von Lukas." });
    await card.waitFor();
    expect(await andrea.page.getByTestId("suggestions-panel").getByTestId("suggestion-card").count()).toBe(0);
    // Placed beside its text (the threads of the paragraph above may push it further down, never up).
    const offset = () =>
      andrea.page.evaluate(() => {
        const w = globalThis as unknown as Win;
        const c = w.document.querySelector('[data-testid="margin"] [data-testid="suggestion-card"]');
        const t = w.document.querySelector(".editor-content ins[data-suggestion]");
        return c && t ? c.getBoundingClientRect().top - t.getBoundingClientRect().top : null;
      });
    await expect.poll(offset).toBeGreaterThanOrEqual(-4);
    await inserted.click({ position: await withinLongestLine(inserted) });
    await expect.poll(() => card.getAttribute("data-active")).toBe("true");
    await expect.poll(() => inViewport(card)).toBe(true);
    await lukas.page.getByTestId("suggest-toggle").click();
    // Back into the text: the carets below are where each of them last clicked.
    await zusammenfassung(lukas.page).click();
  });

  it("lists the threads in the panel again below 1400 px, and back in the margin above", async () => {
    const inPanel = andrea.page.getByTestId("comments-panel").getByTestId("comment-thread");
    const inMargin = andrea.page.getByTestId("margin").getByTestId("comment-thread");
    await andrea.page.setViewportSize({ width: 1100, height: 700 });
    await expect.poll(() => inPanel.count()).toBe(threads.length);
    expect(await andrea.page.getByTestId("margin").count()).toBe(0);
    await andrea.page.setViewportSize(WIDE.viewport);
    await expect.poll(() => inMargin.count()).toBe(threads.length);
    expect(await inPanel.count()).toBe(0);
  });

  it("gives two people of one organisation their own caret colours, the organisation as a badge", async () => {
    // Andrea's click into the text above put her caret there; Lukas's is where he typed.
    const lukasAtAndrea = caretOf(andrea.page, "u-lukas");
    const andreaAtLukas = caretOf(lukas.page, "u-andrea");
    await lukasAtAndrea.waitFor({ state: "attached", timeout: 10_000 });
    await andreaAtLukas.waitFor({ state: "attached", timeout: 10_000 });
    const colourOf = (caret: Locator) =>
      caret.evaluate((el) => (globalThis as unknown as Win).getComputedStyle(el).borderLeftColor);
    const hex = (rgb: string) =>
      `#${(rgb.match(/\d+/g) ?? [])
        .slice(0, 3)
        .map((n) => Number(n).toString(16).padStart(2, "0"))
        .join("")}`;
    expect(hex(await colourOf(lukasAtAndrea))).toBe(personColour("u-lukas"));
    expect(hex(await colourOf(andreaAtLukas))).toBe(personColour("u-andrea"));
    expect(personColour("u-lukas")).not.toBe(personColour("u-andrea"));
    expect(await lukasAtAndrea.locator(".collaboration-carets__org").textContent()).toBe("Kanton SO");
    expect(await andreaAtLukas.locator(".collaboration-carets__org").textContent()).toBe("Kanton SO");
  });

  it("fades a caret's label after a while without a move, and shows it again on the next", async () => {
    const caret = caretOf(andrea.page, "u-lukas");
    await expect.poll(() => labelOpacity(caret), { timeout: 15_000 }).toBe(0);
    await lukas.page.keyboard.press("ArrowLeft");
    await expect.poll(() => labelOpacity(caretOf(andrea.page, "u-lukas")), { interval: 20 }).toBeGreaterThan(0.5);
  });

  it("colours a caret by the id the server stamped, not by the one a client claims", async () => {
    // Lukas's own raw client claims to be Andrea; peers must still see Lukas's caret.
    const cookie = await login(server.url, "lukas.frei@so.ch");
    const forger = connectClient(server.url, DOC, cookie);
    await forger.synced;
    forger.provider.awareness.setLocalState({
      user: { id: "u-andrea", name: "Andrea Meier", orgName: "Kanton SO", color: "#000000" },
      cursor: cursorAt(forger.doc, "Grundlagenpapier"),
    });
    await eventually(() => forger.provider.wsconnected, "forger connected");
    const carets = andrea.page.locator(".collaboration-carets__caret");
    // Andrea never sees a caret of "herself": the forged state arrives stamped as Lukas.
    await expect.poll(() => carets.locator(":scope[data-user-id='u-lukas']").count(), { timeout: 10_000 }).toBe(2);
    expect(await andrea.page.locator(".collaboration-carets__caret[data-user-id='u-andrea']").count()).toBe(0);
    const colours = await carets
      .locator(":scope[data-user-id='u-lukas']")
      .evaluateAll((els) => els.map((el) => (globalThis as unknown as Win).getComputedStyle(el).borderLeftColor));
    expect(new Set(colours).size).toBe(1);
    forger.destroy();
  });
});

/** A caret before `word`, in the JSON form y-prosemirror publishes. */
function cursorAt(doc: Y.Doc, word: string): { anchor: unknown; head: unknown } {
  const { text, at } = textHolding(doc, word);
  const position = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, at));
  return { anchor: position, head: position };
}
