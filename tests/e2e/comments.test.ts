import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editorText, launchBrowser, openDocument, selectByDragging, signedInPage } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const DOC = "kip3-konzept-so";
const PASSAGE = "Bund und Kantone haben im Grundlagenpapier KIP 3";

/** The paragraph under the heading "1.1 Ausgangslage". */
const ausgangslage = (page: Page) => page.getByTestId("editor").locator("h2:has-text('1.1 Ausgangslage') + p");

/** The panel's threads whose quote contains the passage. */
const threadOf = (page: Page) => page.getByTestId("comment-thread").filter({ hasText: PASSAGE });

describe("comments between a SEM commenter and the canton's owner", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const marco = await signedInPage(browser, server.url, "marco.rossi@sem.admin.ch");
  const andrea = await signedInPage(browser, server.url, "andrea.meier@so.ch");
  await openDocument(marco.page, DOC);
  await openDocument(andrea.page, DOC);

  it("gives the commenter a read-only editor without toolbar, with a note", async () => {
    expect(await marco.page.getByTestId("readonly-note").textContent()).toContain(
      "Sie können dieses Dokument kommentieren, aber nicht bearbeiten.",
    );
    expect(await marco.page.getByTestId("toolbar-bold").count()).toBe(0);
    expect(await marco.page.getByTestId("editor").getAttribute("contenteditable")).toBe("false");
    expect(await andrea.page.getByTestId("readonly-note").count()).toBe(0);
    // Marco opened the document first: his client must not have written anything on load
    // (StarterKit's trailing paragraph once made the server refuse it, and reload, forever).
    expect(await marco.page.getByTestId("access-notice").count()).toBe(0);

    const before = await editorText(marco.page);
    await ausgangslage(marco.page).click();
    await marco.page.keyboard.type("Eingeschmuggelt");
    await marco.page.keyboard.press("Enter");
    await new Promise((r) => setTimeout(r, 300));
    expect(await editorText(marco.page)).toBe(before);
    expect(await editorText(andrea.page)).not.toContain("Eingeschmuggelt");
    expect(await marco.page.getByTestId("access-notice").count()).toBe(0);
  });

  it("lets the commenter select a passage with the mouse and comment on it", async () => {
    await selectByDragging(marco.page, ausgangslage(marco.page));
    const button = marco.page.getByTestId("comment-button");
    await expect.poll(() => button.isEnabled()).toBe(true);
    await button.click();
    await marco.page.getByTestId("comment-input").fill("Bitte die Quelle des Grundlagenpapiers angeben.");
    await marco.page.getByTestId("comment-submit").click();
    await threadOf(marco.page).waitFor();
    expect(await threadOf(marco.page).getByTestId("comment-text").textContent()).toContain(
      "Quelle des Grundlagenpapiers",
    );
    expect(await threadOf(marco.page).textContent()).toContain("Marco Rossi");
    await marco.page.locator(".comment-highlight").first().waitFor();
    // Clicking the thread focuses it and marks its passage as the active one.
    await threadOf(marco.page).locator(".thread__focus").click();
    await marco.page.locator(".comment-highlight--active", { hasText: "Grundlagenpapier" }).first().waitFor();
    expect(await threadOf(marco.page).getAttribute("class")).toContain("thread--focused");
    // The commenter's connection stayed up: the server accepted the thread.
    expect(await marco.page.getByTestId("connection-status").getAttribute("data-status")).toBe("connected");
  });

  it("shows the thread to the owner live, highlighted in the text", async () => {
    const thread = threadOf(andrea.page);
    await thread.waitFor({ timeout: 10_000 });
    expect(await thread.getAttribute("data-resolved")).toBe("false");
    expect(await thread.getAttribute("data-orphaned")).toBe("false");
    expect(await thread.textContent()).toContain("SEM");
    await andrea.page.locator(".comment-highlight", { hasText: "Grundlagenpapier" }).first().waitFor();
  });

  it("lets the commenter edit his own comment; the owner sees the edit but may not edit it", async () => {
    const mine = threadOf(marco.page);
    await mine.getByTestId("comment-edit").click();
    await mine.getByTestId("comment-edit-input").fill("Bitte die Quelle des Grundlagenpapiers KIP 3 angeben.");
    await mine.getByTestId("comment-edit-save").click();
    expect(await mine.getByTestId("comment-text").textContent()).toContain("Grundlagenpapiers KIP 3 angeben");

    const theirs = threadOf(andrea.page);
    await expect
      .poll(() => theirs.getByTestId("comment-text").textContent(), { timeout: 10_000 })
      .toContain("Grundlagenpapiers KIP 3 angeben");
    expect(await theirs.getByTestId("comment-edited").textContent()).toContain("bearbeitet");
    // Nobody edits or deletes another's comment, not even the owner.
    expect(await theirs.getByTestId("comment-edit").count()).toBe(0);
    expect(await theirs.getByTestId("comment-delete").count()).toBe(0);
    expect(await marco.page.getByTestId("access-notice").count()).toBe(0);
  });

  it("lets the owner reply and resolve; the commenter sees both", async () => {
    const thread = threadOf(andrea.page);
    await thread.getByTestId("reply-input").fill("Wird in der nächsten Fassung ergänzt.");
    await thread.getByTestId("reply-submit").click();
    await thread.getByTestId("comment-reply").filter({ hasText: "nächsten Fassung" }).waitFor();

    const marcoThread = threadOf(marco.page);
    const andreasReply = marcoThread.getByTestId("comment-reply").filter({ hasText: "nächsten Fassung" });
    await andreasReply.waitFor({ timeout: 10_000 });
    expect(await andreasReply.textContent()).toContain("Andrea Meier");
    expect(await andreasReply.getByTestId("reply-edit").count()).toBe(0);

    // The commenter replies too, and takes his reply back (two steps); the owner sees both.
    await marcoThread.getByTestId("reply-input").fill("Danke, vorläufig.");
    await marcoThread.getByTestId("reply-submit").click();
    const marcosReply = (page: Page) =>
      threadOf(page).getByTestId("comment-reply").filter({ hasText: "Danke, vorläufig." });
    await marcosReply(andrea.page).waitFor({ timeout: 10_000 });
    expect(await marcosReply(andrea.page).getByTestId("reply-delete").count()).toBe(0);
    await marcosReply(marco.page).getByTestId("reply-delete").click();
    await marcosReply(marco.page).getByTestId("reply-delete-confirm").click();
    await expect.poll(() => marcosReply(andrea.page).count(), { timeout: 10_000 }).toBe(0);

    await thread.getByTestId("resolve-button").click();
    // The default filter shows open threads only: the resolved thread leaves both panels.
    await expect.poll(() => threadOf(andrea.page).count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => threadOf(marco.page).count(), { timeout: 10_000 }).toBe(0);

    await marco.page.getByTestId("filter-status").selectOption("resolved");
    await threadOf(marco.page).waitFor();
    expect(await threadOf(marco.page).getAttribute("data-resolved")).toBe("true");
    expect(await threadOf(marco.page).getByTestId("resolve-button").textContent()).toBe("Wieder öffnen");
    await marco.page.getByTestId("filter-status").selectOption("all");
    expect(await threadOf(marco.page).count()).toBe(1);
  });

  it("filters threads by the document's parties, named as the organisation table names them", async () => {
    const filter = marco.page.getByTestId("filter-org");
    expect(await filter.locator("option").allTextContents()).toEqual([
      "alle",
      "Kanton SO",
      "SEM",
      "andere Organisationen",
    ]);
    await filter.selectOption({ label: "Kanton SO" });
    await expect.poll(() => threadOf(marco.page).count()).toBe(0);
    await filter.selectOption({ label: "SEM" });
    await expect.poll(() => threadOf(marco.page).count()).toBe(1);
  });

  it("shows a thread whose passage was deleted as orphaned, with its quote", async () => {
    const vorgehen = andrea.page.getByTestId("editor").locator("h2:has-text('1.2 Vorgehen') + p");
    await selectByDragging(andrea.page, vorgehen);
    await andrea.page.getByTestId("comment-button").click();
    await andrea.page.getByTestId("comment-input").fill("Einbezug der Gemeinden belegen.");
    await andrea.page.getByTestId("comment-submit").click();
    const orphan = (page: Page) => page.getByTestId("comment-thread").filter({ hasText: "Gemeinden belegen" });
    await orphan(andrea.page).waitFor();

    await selectByDragging(andrea.page, vorgehen);
    await andrea.page.keyboard.press("Backspace");
    await expect.poll(() => orphan(andrea.page).getAttribute("data-orphaned"), { timeout: 10_000 }).toBe("true");
    expect(await orphan(andrea.page).textContent()).toContain("verwaist");
    expect(await orphan(andrea.page).textContent()).toContain("Das Konzept wurde von der Fachstelle Integration");

    await marco.page.getByTestId("filter-org").selectOption("all");
    await expect.poll(() => orphan(marco.page).getAttribute("data-orphaned"), { timeout: 10_000 }).toBe("true");
    // Not the commenter's thread: he may neither resolve nor delete it.
    expect(await orphan(marco.page).getByTestId("resolve-button").count()).toBe(0);
    expect(await orphan(marco.page).getByTestId("comment-delete").count()).toBe(0);
  });

  it("lists the members read-only for the commenter", async () => {
    const panel = marco.page.getByTestId("members-panel");
    await expect.poll(() => panel.getByTestId("member-row").count()).toBe(4);
    expect(await panel.getByTestId("member-remove").count()).toBe(0);
    expect(await panel.getByTestId("member-candidate-select").count()).toBe(0);
  });

  it("tells the commenter when the owner makes him an editor, and lets him edit", async () => {
    const row = andrea.page.getByTestId("members-panel").locator('[data-testid="member-row"][data-user-id="u-marco"]');
    await row.getByTestId("member-row-role").selectOption("editor");
    const notice = marco.page.getByTestId("access-notice");
    await notice.waitFor({ timeout: 10_000 });
    expect(await notice.textContent()).toContain("Ihre Berechtigung wurde geändert: neu Bearbeiter/in");
    await expect.poll(() => marco.page.getByTestId("editor").getAttribute("contenteditable")).toBe("true");
    expect(await marco.page.getByTestId("readonly-note").count()).toBe(0);
    await marco.page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();

    await ausgangslage(marco.page).click();
    await marco.page.keyboard.press("End");
    await marco.page.keyboard.type(" Ergänzt vom SEM.");
    await expect.poll(() => editorText(andrea.page), { timeout: 10_000 }).toContain("Ergänzt vom SEM.");
  });

  it("drops an offline edit the server refuses after a downgrade, and says so", async () => {
    await marco.context.setOffline(true);
    await marco.page.locator('[data-testid="connection-status"][data-status="offline"]').waitFor();
    await ausgangslage(marco.page).click();
    await marco.page.keyboard.press("End");
    await marco.page.keyboard.type(" Offline verworfen.");
    expect(await editorText(marco.page)).toContain("Offline verworfen.");

    const row = andrea.page.getByTestId("members-panel").locator('[data-testid="member-row"][data-user-id="u-marco"]');
    await row.getByTestId("member-row-role").selectOption("commenter");
    await expect.poll(() => row.getByTestId("member-row-role").inputValue()).toBe("commenter");

    await marco.context.setOffline(false);
    const notice = marco.page.getByTestId("access-notice");
    await expect
      .poll(() => notice.textContent(), { timeout: 15_000 })
      .toContain("Eine Änderung wurde nicht übernommen und verworfen:");
    await marco.page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
    await expect.poll(() => editorText(marco.page), { timeout: 10_000 }).not.toContain("Offline verworfen.");
    expect(await editorText(marco.page)).toContain("Ergänzt vom SEM.");
    await marco.page.getByTestId("readonly-note").waitFor();
    expect(await editorText(andrea.page)).not.toContain("Offline verworfen.");

    // The IndexedDB copy was dropped too: a reload does not bring the refused edit back.
    await marco.page.reload();
    await marco.page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
    await marco.page.getByTestId("editor").locator("p").first().waitFor();
    expect(await editorText(marco.page)).not.toContain("Offline verworfen.");
  });

  it("lets the owner remove and re-add a member, but not remove the last owner", async () => {
    const panel = andrea.page.getByTestId("members-panel");
    const row = (userId: string) => panel.locator(`[data-testid="member-row"][data-user-id="${userId}"]`);
    // Claire has the document open when she is removed: she is told she no longer has access.
    const claire = await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch");
    await openDocument(claire.page, DOC);
    await row("u-claire").getByTestId("member-remove").click();
    await expect.poll(() => panel.getByTestId("member-row").count()).toBe(3);
    const refusal = claire.page.locator('[data-testid="document-error"], [data-testid="connection-error"]');
    await expect.poll(() => refusal.first().textContent(), { timeout: 10_000 }).toContain("keinen Zugriff");

    // No free e-mail field: the owner picks from the people of the document's parties.
    expect(await panel.getByTestId("member-email-input").count()).toBe(0);
    const picker = panel.getByTestId("member-candidate-select");
    await expect
      .poll(() => picker.locator("option").allTextContents())
      .toEqual([
        "Person wählen …",
        "Claire Dubois (SEM) – claire.dubois@sem.admin.ch",
        // The demo's instance administrator is SEM staff too.
        "Sandra Keller (SEM) – sandra.keller@sem.admin.ch",
      ]);
    await picker.selectOption("u-claire");
    await panel.getByTestId("member-role-select").selectOption("suggester");
    await panel.getByTestId("member-add").click();
    await expect.poll(() => panel.getByTestId("member-row").count()).toBe(4);
    expect(await row("u-claire").getByTestId("member-row-role").inputValue()).toBe("suggester");
    // Claire is no candidate any more; the administrator still is.
    await expect
      .poll(() => picker.locator("option").allTextContents())
      .toEqual(["Person wählen …", "Sandra Keller (SEM) – sandra.keller@sem.admin.ch"]);

    await row("u-andrea").getByTestId("member-remove").click();
    await panel.getByTestId("members-error").waitFor();
    expect(await panel.getByTestId("members-error").textContent()).toContain("mindestens eine Inhaberin");
    expect(await panel.getByTestId("member-row").count()).toBe(4);
  });

  it("shows a viewer the comments but nothing to write, resolve or edit", async () => {
    const agreement = "kip3-vereinbarung-so";
    await andrea.page.goto("/#/");
    await openDocument(andrea.page, agreement);
    const article = (page: Page) => page.getByTestId("editor").locator("h2:has-text('Art. 1 Gegenstand') + p");
    await selectByDragging(andrea.page, article(andrea.page));
    await andrea.page.getByTestId("comment-button").click();
    await andrea.page.getByTestId("comment-input").fill("Gegenstand mit dem SEM abstimmen.");
    await andrea.page.getByTestId("comment-submit").click();

    await marco.page.goto("/#/");
    await openDocument(marco.page, agreement);
    const thread = marco.page.getByTestId("comment-thread").filter({ hasText: "mit dem SEM abstimmen" });
    await thread.waitFor({ timeout: 10_000 });
    expect(await marco.page.getByTestId("readonly-note").textContent()).toContain("nur lesen");
    expect(await marco.page.getByTestId("comment-button").count()).toBe(0);
    expect(await thread.getByTestId("reply-input").count()).toBe(0);
    expect(await thread.getByTestId("resolve-button").count()).toBe(0);
    expect(await thread.getByTestId("comment-edit").count()).toBe(0);
    // Clicking the highlighted passage in the text focuses its thread.
    await marco.page.locator(".comment-highlight").first().click();
    await expect.poll(() => thread.getAttribute("class")).toContain("thread--focused");
  });
});
