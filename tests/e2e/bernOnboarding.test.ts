import type { Browser, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchBrowser, signedInPage } from "../helpers/browser.ts";
import { cleanup } from "../helpers/cleanup.ts";
import { DEMO_PASSWORD, startTestServer } from "../helpers/server.ts";

const SANDRA = "sandra.keller@sem.admin.ch";
const BEAT = { email: "beat.brunner@be.ch", name: "Beat Brunner", password: "Zytglogge-Bern-1530" };
const URSULA = { email: "ursula.zaugg@be.ch", name: "Ursula Zaugg", password: "Bärengraben-Aare-1857" };
const TITLE = "KIP 3 Programmkonzept Kanton Bern";
const FORBIDDEN = "Sie haben keinen Zugriff auf dieses Dokument.";

/** A person in a browser context of their own (own cookies and IndexedDB), open for the whole file. */
async function freshPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  cleanup(() => context.close());
  return context.newPage();
}

/** In the admin area's people tab: invites `person` into `orgId` and returns the link to copy. */
async function inviteFromAdminArea(page: Page, orgId: string, person: { email: string; name: string }) {
  await page.getByTestId("admin-link").click();
  await page.getByTestId("admin-people").waitFor();
  await page.getByTestId("admin-org").selectOption(orgId);
  await page.getByTestId("invite-email").fill(person.email);
  await page.getByTestId("invite-name").fill(person.name);
  await page.getByTestId("invite-submit").click();
  await page.getByTestId(`invitation-${person.email}`).waitFor();
  const link = await page.getByTestId("invite-link").inputValue();
  expect(link).toMatch(/\/#\/invitation\/[A-Za-z0-9_-]{43}$/);
  return link;
}

/** Opens the link in the invitee's own browser context, sets the password and lands signed in on the list. */
async function acceptInvitation(page: Page, link: string, person: typeof BEAT) {
  await page.goto(`/#/invitation/${link.split("/#/invitation/")[1]}`);
  expect(await page.getByTestId("invitation-intro").textContent()).toContain("Kanton Bern");
  expect(await page.getByTestId("invitation-name").inputValue()).toBe(person.name);
  await page.getByTestId("invitation-password").fill(person.password);
  await page.getByTestId("invitation-accept").click();
  await page.getByTestId("current-user-name").waitFor();
  expect(await page.getByTestId("current-user-org").textContent()).toBe("Kanton Bern");
}

/** Opens a document from the list and waits for its live connection. */
async function open(page: Page, documentId: string) {
  await page.getByTestId(`doc-link-${documentId}`).click();
  await page.locator('[data-testid="connection-status"][data-status="connected"]').waitFor();
}

/**
 * The person comes back to their tab. Headless Chromium keeps every page focused and
 * visible, so the return is the window's focus event, as a browser fires it.
 */
const comeBack = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as EventTarget).dispatchEvent(new Event("focus")));

const newestCard = (page: Page) => page.getByTestId("version-card").first();
/** What another person's page learns by the versions panel's polling (every 3 s) or a renewed connection. */
const LATER = { timeout: 10_000 };

/** The owner requests the next milestone in the versions panel; it is pending on their page. */
async function requestMilestone(owner: Page, label: string) {
  expect(await owner.getByTestId("milestone-request").textContent()).toContain(label);
  await owner.getByTestId("milestone-request").click();
  await owner.getByTestId("milestone-confirm").click();
  await owner.getByTestId("lock-banner").waitFor();
  await expect.poll(() => newestCard(owner).getAttribute("data-status")).toBe("pending");
  expect(await newestCard(owner).textContent()).toContain(label);
}

/**
 * The "Done when" in Chromium, one browser context per person, on a fresh store:
 * Sandra (instance administrator) invites Beat, Bern's first user; he accepts in his own
 * browser and, made organisation administrator, creates Bern's concept and invites Ursula
 * from the admin area; he picks Ursula and Claire (SEM) as members; Claire's list shows the
 * concept under Bern; Bern and the SEM reach its three milestones in the versions panel.
 */
describe("Kanton Bern's onboarding in the browser", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  // Opened here, not in a test: a context opened in a test is closed when that test ends.
  const sandra = await freshPage(browser, server.url);
  const beat = await freshPage(browser, server.url);
  const ursula = await freshPage(browser, server.url);
  const { page: claire } = await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch");
  let documentId = "";

  it("lets the administrator invite Beat, who accepts in his own browser and is made Bern's administrator", async () => {
    await sandra.goto("/#/login");
    await sandra.getByTestId("login-email").fill(SANDRA);
    await sandra.getByTestId("login-password").fill(DEMO_PASSWORD);
    await sandra.getByTestId("login-submit").click();
    const link = await inviteFromAdminArea(sandra, "kanton-be", BEAT);

    await acceptInvitation(beat, link, BEAT);
    await beat.getByText("Sie sind noch an keinem Dokument beteiligt.").waitFor();
    expect(await beat.getByTestId("admin-link").count()).toBe(0);
    // He signs out and in again with the password he chose.
    await beat.getByTestId("logout").click();
    await beat.getByTestId("login-email").fill(BEAT.email);
    await beat.getByTestId("login-password").fill(BEAT.password);
    await beat.getByTestId("login-submit").click();
    await beat.getByText("Sie sind noch an keinem Dokument beteiligt.").waitFor();

    // Back in her tab, Sandra sees him in Bern's directory, and grants the role.
    await comeBack(sandra);
    await sandra.getByTestId(`person-role-${BEAT.email}`).selectOption("org_admin");
    await expect.poll(() => sandra.getByTestId(`person-role-${BEAT.email}`).inputValue()).toBe("org_admin");
    // Back in his tab, Beat has the admin area, without reloading.
    await comeBack(beat);
    await beat.getByTestId("admin-link").waitFor();
  });

  it("lets Beat create the concept with Bern and the SEM as its parties", async () => {
    expect(await beat.getByTestId("create-parties").textContent()).toBe("Beteiligte: Kanton BE und SEM");
    await beat.getByTestId("create-title").fill(TITLE);
    await beat.getByTestId("create-kind").selectOption("concept");
    await beat.getByTestId("create-submit").click();
    // The new document opens at once; it is listed too.
    await beat.getByTestId("editor").waitFor();
    documentId = decodeURIComponent(new URL(beat.url()).hash.replace("#/documents/", ""));
    expect(documentId).not.toBe("");
    await beat.goto("/#/");
    await beat.getByTestId(`doc-row-${documentId}`).waitFor();
  });

  it("lets Beat, as organisation administrator, invite Ursula, who accepts in her own browser", async () => {
    // Bern only: an organisation administrator is offered no other organisation.
    await beat.getByTestId("admin-link").click();
    await beat.getByTestId("admin-people").waitFor();
    // The organisations arrive after the tab: wait for them, then nothing but Bern.
    await expect
      .poll(() => beat.getByTestId("admin-org").locator("option").allTextContents(), { timeout: 10_000 })
      .toEqual(["Kanton Bern"]);
    const link = await inviteFromAdminArea(beat, "kanton-be", URSULA);
    await acceptInvitation(ursula, link, URSULA);
    expect(await ursula.getByTestId("admin-link").count()).toBe(0);
  });

  it("lets Beat pick Ursula and Claire of the SEM as editors, from the parties' people only", async () => {
    await beat.goto("/#/");
    await open(beat, documentId);
    const picker = beat.getByTestId("member-candidate-select");
    await expect.poll(() => picker.locator("option").count()).toBeGreaterThan(1);
    const offered = await picker.locator("option").allTextContents();
    expect(offered.some((o) => o.includes(URSULA.email))).toBe(true);
    expect(offered.some((o) => o.includes("claire.dubois@sem.admin.ch"))).toBe(true);
    expect(offered.some((o) => o.includes("@so.ch"))).toBe(false);
    for (const userId of [await idOf(picker, URSULA.email), "u-claire"]) {
      await picker.selectOption(userId);
      await beat.getByTestId("member-role-select").selectOption("editor");
      await beat.getByTestId("member-add").click();
      await beat.locator(`[data-testid="member-row"][data-user-id="${userId}"]`).waitFor();
    }
  });

  it("shows SEM staff the concept under Bern", async () => {
    // Signed in before the concept existed: back in her tab, her list has it.
    await comeBack(claire);
    const bern = claire.locator('[data-testid="doc-group"][data-canton="kanton-be"]');
    await bern.getByTestId(`doc-row-${documentId}`).waitFor();
    expect(await bern.locator("h2").textContent()).toBe("Programm Kanton Bern");
    expect(await bern.locator('tr[data-testid^="doc-row-"]').count()).toBe(1);
  });

  it("keeps the concept from Solothurn: not in Andrea's list, and its address refused", async () => {
    const { page: andrea } = await signedInPage(browser, server.url, "andrea.meier@so.ch");
    await andrea.getByTestId("doc-row-kip3-konzept-so").waitFor();
    expect(await andrea.getByTestId(`doc-row-${documentId}`).count()).toBe(0);
    await andrea.goto(`/#/documents/${documentId}`);
    expect(await andrea.getByTestId("document-error").textContent()).toBe(FORBIDDEN);
    expect(await andrea.getByTestId("editor").count()).toBe(0);
  });

  it("has Ursula write, and Bern approve the draft and the government's decision (RRB)", async () => {
    // Her list, empty when she joined, shows the concept once she is back in her tab.
    await comeBack(ursula);
    await open(ursula, documentId);
    const editor = ursula.getByTestId("editor");
    await expect.poll(() => editor.getAttribute("contenteditable")).toBe("true");
    await editor.click();
    await ursula.keyboard.type("1. Ausgangslage im Kanton Bern");
    await beat.getByTestId("editor").getByText("Ausgangslage im Kanton Bern").waitFor();

    await requestMilestone(beat, "Konzept: Entwurf bereit zur Eingabe");
    await expect.poll(() => newestCard(ursula).getAttribute("data-status"), LATER).toBe("pending");
    await newestCard(ursula).getByTestId("decision-approve").click();
    await ursula.getByTestId("decision-confirm").click();
    await expect.poll(() => newestCard(beat).getAttribute("data-status"), LATER).toBe("reached");

    await requestMilestone(beat, "Regierungsratsbeschluss (RRB) zur Programmeingabe");
    // Four eyes: Beat requested it, so Ursula records the decision for Bern.
    await newestCard(beat).getByTestId("four-eyes-notice").waitFor();
    await expect.poll(() => newestCard(ursula).getAttribute("data-status"), LATER).toBe("pending");
    const rrb = newestCard(ursula);
    await rrb.getByTestId("decision-rrbNumber").fill("RRB Nr. 412/2024");
    await rrb.getByTestId("decision-rrbDate").fill("2024-04-17");
    await rrb.getByTestId("decision-approve").click();
    await ursula.getByTestId("decision-confirm").click();
    await expect.poll(() => rrb.getAttribute("data-status"), LATER).toBe("reached");
    expect(await rrb.textContent()).toContain("RRB Nr. 412/2024");
  });

  it("has the SEM approve its review, which completes the concept's path and makes it final for everyone", async () => {
    await requestMilestone(beat, "Prüfung durch das SEM abgeschlossen");
    // Bern decides nothing for the SEM: the card offers Beat no decision.
    expect(await newestCard(beat).getByTestId("decision-approve").count()).toBe(0);
    await open(claire, documentId);
    const review = newestCard(claire);
    await expect.poll(() => review.getAttribute("data-status"), LATER).toBe("pending");
    // Ursula's network drops while the SEM decides: she misses the unlocking renewal of her
    // connection, and learns of it from the versions panel once she is back online.
    await ursula.context().setOffline(true);
    await ursula.locator('[data-testid="connection-status"]:not([data-status="connected"])').waitFor();
    await review.getByTestId("decision-remark").fill("Keine Vorbehalte.");
    await review.getByTestId("decision-approve").click();
    await claire.getByTestId("decision-confirm").click();
    await expect.poll(() => review.getAttribute("data-status"), LATER).toBe("reached");
    await ursula.context().setOffline(false);
    for (const page of [beat, ursula, claire]) {
      await expect.poll(() => newestCard(page).getAttribute("data-status"), LATER).toBe("reached");
      await expect.poll(() => page.getByTestId("lock-banner").count(), LATER).toBe(0);
      expect(await page.locator('[data-testid="version-card"][data-status="reached"]').count()).toBe(3);
    }
    // The path's last milestone makes the concept final: no longer locked, but read-only for good.
    await expect.poll(() => ursula.getByTestId("final-banner").count(), LATER).toBe(1);
    expect(await ursula.getByTestId("editor").getAttribute("contenteditable")).toBe("false");
    expect(await beat.getByTestId("milestone-request").count()).toBe(0);
  });

  it("signs Ursula out when she comes back to her tab after the administrator deactivated her", async () => {
    await ursula.goto("/#/");
    await ursula.getByTestId(`doc-row-${documentId}`).waitFor();
    await beat.getByTestId("admin-link").click();
    await beat.getByTestId(`person-toggle-${URSULA.email}`).click();
    await expect.poll(() => beat.getByTestId(`person-${URSULA.email}`).textContent()).toContain("deaktiviert");
    await comeBack(ursula);
    await ursula.getByTestId("login-email").waitFor();
    expect(await ursula.getByTestId(`doc-row-${documentId}`).count()).toBe(0);
  });
});

/** The user id behind a candidate option, found by the e-mail in its text. */
async function idOf(picker: ReturnType<Page["getByTestId"]>, email: string): Promise<string> {
  const value = await picker.locator("option", { hasText: email }).first().getAttribute("value");
  if (!value) throw new Error(`no candidate ${email}`);
  return value;
}
