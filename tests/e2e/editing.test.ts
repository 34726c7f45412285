import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editorText, focusedTestId, launchBrowser, openDocument, signedInPage } from "../helpers/browser.ts";
import { ausgangslage, caretAtEnd } from "../helpers/conceptText.ts";
import { startTestServer } from "../helpers/server.ts";

const DOC = "kip3-konzept-so";

const cards = (page: Page) => page.getByTestId("suggestion-card");
const marks = (page: Page) => page.getByTestId("editor").locator("ins[data-suggestion], del[data-suggestion]");

describe("everyday editing between a SEM suggester and the canton's editor", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const claire = await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch");
  const lukas = await signedInPage(browser, server.url, "lukas.frei@so.ch");
  await openDocument(claire.page, DOC);
  await openDocument(lukas.page, DOC);

  /** Claire suggests an insertion and a deletion; both reach Lukas. */
  async function claireSuggestsTwo(words: string) {
    await caretAtEnd(claire.page);
    await claire.page.keyboard.type(` ${words}`);
    await ausgangslage(claire.page).dblclick({ position: { x: 40, y: 8 } });
    await claire.page.keyboard.press("Backspace");
    await expect.poll(() => cards(lukas.page).count()).toBe(2);
  }

  /** Lukas presses Ctrl+Z in the text. */
  async function undoAtLukas() {
    await ausgangslage(lukas.page).click();
    await lukas.page.keyboard.press("Control+z");
  }

  it("asks before accepting all, with the count; Ctrl+Z then restores the suggestions, for Claire too", async () => {
    await claireSuggestsTwo("Ergänzung zum Rückgängigmachen.");
    await lukas.page.getByTestId("suggestions-accept-all").click();
    const confirm = lukas.page.getByTestId("suggestions-confirm");
    await confirm.waitFor();
    expect(await lukas.page.getByTestId("suggestions-confirm-message").textContent()).toBe("2 Vorschläge annehmen?");
    // Cancelled: nothing happens.
    await lukas.page.getByTestId("suggestions-confirm-cancel").click();
    expect(await confirm.isVisible()).toBe(false);
    expect(await cards(lukas.page).count()).toBe(2);

    await lukas.page.getByTestId("suggestions-accept-all").click();
    await lukas.page.getByTestId("suggestions-confirm-confirm").click();
    await expect.poll(() => cards(claire.page).count()).toBe(0);
    expect(await marks(claire.page).count()).toBe(0);

    await undoAtLukas();
    // Back as suggestions, Claire's, at both; the server took the undo (no refusal, no reload).
    await expect.poll(() => cards(claire.page).count()).toBe(2);
    await expect.poll(() => cards(lukas.page).count()).toBe(2);
    expect(await cards(lukas.page).first().textContent()).toContain("Claire Dubois");
    expect(await claire.page.getByTestId("editor").locator("ins[data-suggestion]").textContent()).toContain(
      "Ergänzung zum Rückgängigmachen.",
    );
    expect(await lukas.page.getByTestId("access-notice").count()).toBe(0);
  });

  it("asks before rejecting all; Ctrl+Z restores the rejected suggestions likewise", async () => {
    await lukas.page.getByTestId("suggestions-reject-all").click();
    expect(await lukas.page.getByTestId("suggestions-confirm-message").textContent()).toBe("2 Vorschläge ablehnen?");
    await lukas.page.getByTestId("suggestions-confirm-confirm").click();
    await expect.poll(() => cards(claire.page).count()).toBe(0);
    expect(await editorText(claire.page)).not.toContain("Ergänzung zum Rückgängigmachen.");

    await undoAtLukas();
    await expect.poll(() => cards(claire.page).count()).toBe(2);
    expect(await editorText(claire.page)).toContain("Ergänzung zum Rückgängigmachen.");
    expect(await lukas.page.getByTestId("access-notice").count()).toBe(0);

    // Tidy up: accepted for good.
    await lukas.page.getByTestId("suggestions-accept-all").click();
    await lukas.page.getByTestId("suggestions-confirm-confirm").click();
    await expect.poll(() => cards(claire.page).count()).toBe(0);
  });

  it("sets a link through the dialog, and refuses a script address there", async () => {
    await caretAtEnd(lukas.page);
    await lukas.page.keyboard.type(" Verweis");
    await lukas.page.keyboard.press("Shift+Control+ArrowLeft");
    await lukas.page.getByTestId("toolbar-link").click();
    await lukas.page.getByTestId("link-dialog").waitFor();
    await lukas.page.getByTestId("link-input").fill("javascript:alert(1)");
    await lukas.page.getByTestId("link-apply").click();
    await lukas.page.getByTestId("toolbar-message").waitFor();
    expect(await lukas.page.getByTestId("editor").locator("a").count()).toBe(0);

    await caretAtEnd(lukas.page);
    await lukas.page.keyboard.press("Shift+Control+ArrowLeft");
    await lukas.page.getByTestId("toolbar-link").click();
    await lukas.page.getByTestId("link-input").fill("https://www.sem.admin.ch");
    await lukas.page.getByTestId("link-input").press("Enter");
    const link = claire.page.getByTestId("editor").locator('a[href="https://www.sem.admin.ch"]');
    await link.waitFor();
    // Lukas's caret label may sit inside the link at Claire's; the text is the word.
    const withoutCarets = await link.evaluate((el) => {
      const copy = el.cloneNode(true) as typeof el;
      for (const caret of copy.querySelectorAll(".collaboration-carets__caret")) caret.remove();
      return copy.textContent;
    });
    expect(withoutCarets).toBe("Verweis");
    // The dialog gave the focus back to the text.
    expect(await focusedTestId(lukas.page)).toBe("editor");
  });

  it("finds and replaces all while editing (Ctrl+H), for everyone", async () => {
    await caretAtEnd(lukas.page);
    await lukas.page.keyboard.type(" Alpha und Alpha.");
    await lukas.page.keyboard.press("Control+h");
    await lukas.page.getByTestId("find-dialog").waitFor();
    await lukas.page.getByTestId("find-input").fill("alpha");
    await expect.poll(() => lukas.page.getByTestId("find-status").textContent()).toBe("Treffer 1 von 2");
    expect(await lukas.page.getByTestId("editor").locator(".find-match").count()).toBe(2);
    await lukas.page.getByTestId("find-next").click();
    expect(await lukas.page.getByTestId("find-status").textContent()).toBe("Treffer 2 von 2");
    await lukas.page.getByTestId("replace-input").fill("Beta");
    await lukas.page.getByTestId("replace-all").click();
    await expect.poll(() => editorText(claire.page)).toContain("Beta und Beta.");
    expect(await editorText(claire.page)).not.toContain("Alpha");
    expect(await lukas.page.getByTestId("find-status").textContent()).toBe("Keine Treffer");
    // Escape closes it, and the highlights go with it.
    await lukas.page.getByTestId("find-input").press("Escape");
    expect(await lukas.page.getByTestId("find-dialog").isVisible()).toBe(false);
    expect(await lukas.page.getByTestId("editor").locator(".find-match").count()).toBe(0);
  });

  it("makes a suggester's replace-all into suggestions that the editor sees", async () => {
    await claire.page.getByTestId("toolbar-find").click();
    await claire.page.getByTestId("find-input").fill("Beta");
    await expect.poll(() => claire.page.getByTestId("find-status").textContent()).toBe("Treffer 1 von 2");
    await claire.page.getByTestId("replace-input").fill("Gamma");
    await claire.page.getByTestId("replace-all").click();
    // Each replacement is Claire's suggestion: "Beta" struck, "Gamma" inserted, at Lukas.
    await expect.poll(() => cards(lukas.page).count()).toBe(2);
    const editor = lukas.page.getByTestId("editor");
    expect(await editor.locator("del[data-suggestion]").allTextContents()).toEqual(["Beta", "Beta"]);
    expect(await editor.locator("ins[data-suggestion]").allTextContents()).toEqual(["Gamma", "Gamma"]);
    expect(await editor.locator("ins[data-suggestion]").first().getAttribute("data-org")).toBe("sem");
    // The struck text reads as gone: it is not found again.
    expect(await claire.page.getByTestId("find-status").textContent()).toBe("Keine Treffer");
    await claire.page.getByTestId("find-dialog-close").click();
    expect(await claire.page.getByTestId("access-notice").count()).toBe(0);
  });

  it("opens the comment form on the selection with Ctrl+Alt+M", async () => {
    await ausgangslage(lukas.page).dblclick({ position: { x: 40, y: 8 } });
    await lukas.page.keyboard.press("Control+Alt+m");
    await lukas.page.getByTestId("comment-input").waitFor();
  });

  it("counts words and characters as the text changes", async () => {
    /** The count once it is settled (no recount due after a change). */
    const settled = async (page: Page) => {
      await page.locator('[data-testid="word-count"]:not([data-counting])').waitFor();
      return Number.parseInt((await page.getByTestId("word-count-words").textContent()) ?? "", 10);
    };
    const words = () => settled(lukas.page);
    const before = await words();
    expect(before).toBeGreaterThan(10);
    await caretAtEnd(lukas.page);
    await lukas.page.keyboard.type(" eins zwei drei");
    await expect.poll(words).toBe(before + 3);
    await expect.poll(() => settled(claire.page)).toBe(before + 3);
  });

  it("lists the shortcuts with Ctrl+/ and closes the list with Escape, focus back in the text", async () => {
    await ausgangslage(lukas.page).click();
    await lukas.page.keyboard.press("Control+/");
    const dialog = lukas.page.getByTestId("shortcuts-dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Ctrl+Alt+M");
    await lukas.page.keyboard.press("Escape");
    expect(await dialog.isVisible()).toBe(false);
    expect(await focusedTestId(lukas.page)).toBe("editor");
  });

  it("prints the text only: no toolbar, panels or word count", async () => {
    await lukas.page.emulateMedia({ media: "print" });
    expect(await lukas.page.getByTestId("editor").isVisible()).toBe(true);
    for (const id of ["toolbar-bold", "suggestions-panel", "comments-panel", "word-count", "connection-status"]) {
      expect(await lukas.page.getByTestId(id).first().isVisible(), id).toBe(false);
    }
    await lukas.page.emulateMedia({ media: "screen" });
  });

  it("opens a new document after creating it, with a placeholder in the empty text", async () => {
    await lukas.page.goto("/#/");
    await lukas.page.getByTestId("create-title").fill("Notizen zur Umsetzung");
    await lukas.page.getByTestId("create-submit").click();
    await lukas.page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
    const empty = lukas.page.getByTestId("editor").locator("p.is-editor-empty");
    await empty.waitFor();
    expect(await empty.getAttribute("data-placeholder")).toBe("Hier mit dem Schreiben beginnen …");
  });

  it("offers accepting the own party's suggestion as soon as the owner turns cross-party acceptance off", async () => {
    const AGREEMENT = "kip3-vereinbarung-so";
    const andrea = await signedInPage(browser, server.url, "andrea.meier@so.ch");
    await openDocument(andrea.page, AGREEMENT);
    await lukas.page.goto("/#/");
    await openDocument(lukas.page, AGREEMENT);
    await lukas.page.getByTestId("suggest-toggle").click();
    await lukas.page.getByTestId("editor").locator("p").first().click();
    await lukas.page.keyboard.press("End");
    await lukas.page.keyboard.type(" Vorschlag des Kantons");
    const card = cards(andrea.page).filter({ hasText: "Vorschlag des Kantons" });
    await card.waitFor();
    // On (agreements): the canton's suggestion is for the SEM to accept; rejecting stays open.
    const toggle = andrea.page.getByTestId("cross-party-toggle");
    expect(await toggle.isChecked()).toBe(true);
    expect(await card.getByTestId("suggestion-accept").count()).toBe(0);
    expect(await andrea.page.getByTestId("suggestions-accept-all").count()).toBe(0);
    expect(await andrea.page.getByTestId("suggestions-reject-all").count()).toBe(1);

    await toggle.uncheck();
    await card.getByTestId("suggestion-accept").waitFor();
    await andrea.page.getByTestId("suggestions-accept-all").waitFor();
    await toggle.check();
    await expect.poll(() => card.getByTestId("suggestion-accept").count()).toBe(0);
    // The server has the setting too: after a reload the box is as she left it.
    await andrea.page.reload();
    await andrea.page.getByTestId("cross-party-toggle").waitFor();
    expect(await andrea.page.getByTestId("cross-party-toggle").isChecked()).toBe(true);
    await cards(andrea.page).filter({ hasText: "Vorschlag des Kantons" }).getByTestId("suggestion-reject").click();
    await expect.poll(() => cards(lukas.page).count()).toBe(0);
  });
});
