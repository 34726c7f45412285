import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editorText, launchBrowser, openDocument, signedInPage } from "../helpers/browser.ts";
import { ausgangslage, caretAtEnd } from "../helpers/conceptText.ts";
import { startTestServer } from "../helpers/server.ts";

const DOC = "kip3-konzept-so";

const cards = (page: Page) => page.getByTestId("suggestion-card");

describe("suggestions between a SEM suggester and the canton's editor", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const claire = await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch");
  const lukas = await signedInPage(browser, server.url, "lukas.frei@so.ch");
  await openDocument(claire.page, DOC);
  await openDocument(lukas.page, DOC);

  it("keeps the suggester in suggesting mode, with no switch to turn it off", async () => {
    expect(await claire.page.getByTestId("suggest-forced").textContent()).toContain("Vorschlagsmodus");
    expect(await claire.page.getByTestId("suggest-toggle").count()).toBe(0);
    expect(await claire.page.getByTestId("editor").getAttribute("contenteditable")).toBe("true");
    expect(await lukas.page.getByTestId("suggest-toggle").getAttribute("aria-pressed")).toBe("false");
  });

  it("shows the suggester's typing as her suggestions at the editor, live", async () => {
    await caretAtEnd(claire.page);
    await claire.page.keyboard.type(" Ergänzung des SEM.");
    const inserted = lukas.page
      .getByTestId("editor")
      .locator("ins[data-suggestion]", { hasText: "Ergänzung des SEM." });
    await inserted.waitFor();
    expect(await inserted.getAttribute("data-org")).toBe("sem");
    const card = cards(lukas.page).filter({ hasText: "Ergänzung des SEM." });
    await card.waitFor();
    expect(await card.textContent()).toContain("Claire Dubois");
    expect(await card.textContent()).toContain("SEM");

    // A deletion: a word she double-clicks, struck through, not removed.
    const before = await editorText(lukas.page);
    await ausgangslage(claire.page).dblclick({ position: { x: 40, y: 8 } });
    await claire.page.keyboard.press("Backspace");
    await lukas.page.getByTestId("editor").locator("del[data-suggestion]").first().waitFor();
    expect(await editorText(lukas.page)).toBe(before);
    await expect.poll(() => cards(lukas.page).count()).toBe(2);
    expect(await claire.page.getByTestId("access-notice").count()).toBe(0);
  });

  it("lets the editor accept one and reject the other; both texts converge without marks", async () => {
    const deleted =
      (await lukas.page.getByTestId("editor").locator("del[data-suggestion]").first().textContent()) ?? "";
    expect(deleted.length).toBeGreaterThan(0);
    await cards(lukas.page).filter({ hasText: "Ergänzung des SEM." }).getByTestId("suggestion-accept").click();
    await cards(lukas.page).getByTestId("suggestion-reject").click();
    for (const page of [lukas.page, claire.page]) {
      await expect
        .poll(() => page.getByTestId("editor").locator("ins[data-suggestion], del[data-suggestion]").count())
        .toBe(0);
      expect(await cards(page).count()).toBe(0);
    }
    const text = await editorText(lukas.page);
    expect(text).toContain("Ergänzung des SEM.");
    expect(text).toContain(deleted.trim());
    await expect.poll(() => editorText(claire.page)).toBe(text);
  });

  it("blocks the suggester, with a message, from deleting the editor's suggestion", async () => {
    await lukas.page.getByTestId("suggest-toggle").click();
    expect(await lukas.page.getByTestId("suggest-toggle").getAttribute("aria-pressed")).toBe("true");
    await caretAtEnd(lukas.page);
    await lukas.page.keyboard.type(" Antwort Kanton");
    const theirs = claire.page.getByTestId("editor").locator("ins[data-suggestion]", { hasText: "Antwort Kanton" });
    await theirs.waitFor();
    await caretAtEnd(claire.page);
    for (let i = 0; i < 3; i++) await claire.page.keyboard.press("Backspace");
    await claire.page.getByTestId("suggest-blocked").waitFor();
    expect(await theirs.textContent()).toBe(" Antwort Kanton");
    expect(await claire.page.getByTestId("access-notice").count()).toBe(0);
  });

  it("jumps to a suggestion, attaches a comment to it, and accepts all of one organisation's", async () => {
    await caretAtEnd(claire.page);
    await claire.page.keyboard.type(" Frage SEM");
    const card = cards(lukas.page).filter({ hasText: "Frage SEM" });
    await card.waitFor();
    await card.getByTestId("suggestion-comment").click();
    const selected = () =>
      lukas.page.evaluate(() =>
        (globalThis as unknown as { getSelection(): { toString(): string } }).getSelection().toString(),
      );
    expect(await selected()).toContain("Frage SEM");
    await lukas.page.getByTestId("comment-input").fill("Einverstanden, aber bitte präzisieren.");
    await lukas.page.getByTestId("comment-submit").click();
    await claire.page.getByTestId("comment-thread").filter({ hasText: "Frage SEM" }).waitFor();

    await lukas.page.getByTestId("suggestions-accept-org-sem").click();
    await expect.poll(() => cards(lukas.page).filter({ hasText: "Frage SEM" }).count()).toBe(0);
    // The canton's own suggestion is not SEM's: it stays.
    expect(await cards(lukas.page).filter({ hasText: "Antwort Kanton" }).count()).toBe(1);
  });

  it("shows the text with all suggestions accepted, or without them, as a preview", async () => {
    const suggestion = lukas.page.getByTestId("editor").locator("ins[data-suggestion]", { hasText: "Antwort Kanton" });
    await lukas.page.getByTestId("suggest-preview").selectOption("rejected");
    expect(await suggestion.isVisible()).toBe(false);
    expect(await lukas.page.getByTestId("editor").getAttribute("contenteditable")).toBe("false");
    await lukas.page.getByTestId("suggest-preview").selectOption("accepted");
    expect(await suggestion.isVisible()).toBe(true);
    await lukas.page.getByTestId("suggest-preview").selectOption("markup");
  });
});
