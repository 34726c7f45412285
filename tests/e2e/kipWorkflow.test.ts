import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { editorText, launchBrowser, openDocument, signedInPage } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";

const DOC = "kip3-vereinbarung-so";
const TITLE = "Programmvereinbarung KIP 3 Kanton Solothurn 2024–2027";
const LATER = { timeout: 15_000 };
const ANNEXES = "Anhänge"; // the section that holds the finance grids

// Issue 15's "Done when", end to end in the browser on the demo agreement of Solothurn: the SEM
// and the canton settle every section, the canton fixes the 2026 shortfall in the finance grid,
// "bereinigt" is requested without an override and approved by both, the government's approval
// needs a second canton person, both parties sign with signatories picked from the list; the
// agreement is then final and read-only for both, and an amendment opens with the signed text.
describe("the KIP agreement's workflow from negotiation to amendment", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const claire = (await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch")).page; // SEM, signatory
  const andrea = (await signedInPage(browser, server.url, "andrea.meier@so.ch")).page; // canton, owner, signatory
  const lukas = (await signedInPage(browser, server.url, "lukas.frei@so.ch")).page; // canton, the second person
  const parties = [claire, andrea];
  for (const page of [...parties, lukas]) await openDocument(page, DOC);

  const statuses = (page: Page) => page.getByTestId("outline").getByTestId("section-status");
  const bereinigt = (page: Page, title: string) =>
    page
      .getByTestId("outline")
      .locator("li")
      .filter({ has: page.getByRole("button", { name: title, exact: true }) })
      .getByTestId("section-bereinigt");
  const card = (page: Page) => page.getByTestId("version-card").first();

  /** Each party settles, one section after the other, what it has not settled; both see it bereinigt. */
  async function settleEverySection(): Promise<number> {
    const count = await statuses(claire).count();
    for (let i = 0; i < count; i++) {
      for (const page of parties) {
        const line = statuses(page).nth(i);
        if ((await line.getByTestId("section-bereinigt").count()) > 0) continue;
        const own = line.locator("select");
        if ((await own.inputValue()) === "settled") continue;
        await own.selectOption("settled");
        await expect.poll(() => own.inputValue(), LATER).toBe("settled");
      }
      for (const page of parties) await statuses(page).nth(i).getByTestId("section-bereinigt").waitFor(LATER);
    }
    return count;
  }

  /** Waits until every page shows the milestone lock (or its end). */
  async function locked(expected: boolean) {
    for (const page of [...parties, lukas]) {
      await expect.poll(() => page.getByTestId("lock-banner").count(), LATER).toBe(expected ? 1 : 0);
    }
  }

  /**
   * Andrea requests the next milestone through the versions panel, without an override: no
   * check blocks it. Were open suggestions or comments left, she would freeze them with it,
   * as the panel offers.
   */
  async function requestNext() {
    await andrea.getByTestId("milestone-request").click();
    await andrea.getByTestId("milestone-confirm").click();
    const outcome = andrea.locator(
      '[data-testid="lock-banner"], [data-testid="milestone-include-open"], [data-testid="milestone-error"]',
    );
    await outcome.first().waitFor(LATER);
    if ((await andrea.getByTestId("milestone-include-open").count()) > 0) {
      await andrea.getByTestId("milestone-include-open").check();
      await andrea.getByTestId("milestone-confirm").click();
    }
    expect(await andrea.getByTestId("milestone-override").count()).toBe(0);
    await locked(true);
    for (const page of [...parties, lukas]) {
      await expect.poll(() => card(page).getAttribute("data-status"), LATER).toBe("pending");
    }
  }

  /** Approves the pending milestone on `page` (its fields filled first by `fill`), confirmed in the dialog. */
  async function approve(page: Page, fill: (pending: ReturnType<typeof card>) => Promise<void> = async () => {}) {
    const pending = card(page);
    await fill(pending);
    await pending.getByTestId("decision-approve").click();
    await page.getByTestId("decision-confirm").click();
  }

  it("settles every section for both parties in the outline", async () => {
    // The demo: Art. 1 bereinigt, others settled by one party or open.
    await bereinigt(andrea, "Art. 1 Gegenstand").waitFor(LATER);
    expect(await bereinigt(andrea, "Art. 2 Bestandteile der Vereinbarung").count()).toBe(0);
    const count = await settleEverySection();
    expect(count).toBeGreaterThan(10);
    for (const page of parties) {
      expect(await statuses(page).getByTestId("section-bereinigt").count()).toBe(count);
      await expect
        .poll(() => page.getByTestId("check-item").allTextContents(), LATER)
        .not.toContainEqual(expect.stringContaining("nicht von beiden Parteien bereinigt"));
    }
  });

  it("shows the 2026 shortfall red, and green on both pages once the canton raises its figure", async () => {
    const year2026 = (page: Page) => page.getByTestId("finance-year-2026");
    for (const page of parties) {
      await expect.poll(() => year2026(page).getAttribute("data-ok"), LATER).toBe("false");
      await expect
        .poll(() => page.getByTestId("check-item").allTextContents(), LATER)
        .toContainEqual(expect.stringContaining("Mitfinanzierung 2026 nicht erfüllt: Kanton 960'000 < Bund 1'000'000"));
    }
    // The canton's Sprache cell of 2026: 220'000 → 260'000, typed in the editor.
    const cell = andrea.locator('table[data-year="2026"] tr:has(td[data-area="fb2"]) td[data-source="kanton"] p');
    await cell.scrollIntoViewIfNeeded();
    await cell.click();
    await andrea.keyboard.press("End");
    for (let i = 0; i < "220'000".length; i++) await andrea.keyboard.press("Backspace");
    await andrea.keyboard.type("260'000");
    for (const page of parties) {
      await expect.poll(() => year2026(page).getAttribute("data-ok"), LATER).toBe("true");
      await expect
        .poll(() => page.getByTestId("check-item").allTextContents(), LATER)
        .not.toContainEqual(expect.stringContaining("Mitfinanzierung"));
    }
    // The edit put the annexes back in discussion for both; they settle them again.
    for (const page of parties) await expect.poll(() => bereinigt(page, ANNEXES).count(), LATER).toBe(0);
    await settleEverySection();
    for (const page of parties) await bereinigt(page, ANNEXES).waitFor(LATER);
  });

  it("has bereinigt approved by both, the RRB approval by a second canton person, and the signature by both", async () => {
    // Programmvereinbarung bereinigt: no override asked, both organisations approve.
    await requestNext();
    expect(await card(andrea).locator(".version__head").textContent()).toContain("Programmvereinbarung bereinigt");
    await approve(andrea);
    await card(claire).locator('[data-testid="version-approval"][data-org="kanton-so"]').waitFor(LATER);
    await approve(claire);
    await expect.poll(() => card(andrea).getAttribute("data-status"), LATER).toBe("reached");
    await locked(false);

    // The government's approval: the requester cannot approve it (four eyes), Lukas does.
    await requestNext();
    await card(andrea).getByTestId("four-eyes-notice").waitFor(LATER);
    expect(await card(andrea).getByTestId("decision-approve").count()).toBe(0);
    await approve(lukas, async (pending) => {
      await pending.getByTestId("decision-rrbNumber").fill("RRB Nr. 2024/412");
      await pending.getByTestId("decision-rrbDate").fill("2024-04-17");
    });
    await expect.poll(() => card(andrea).getAttribute("data-status"), LATER).toBe("reached");
    await locked(false);

    // The signature: each party picks its signatory from the people with signing authority.
    await requestNext();
    expect(await card(andrea).getByTestId("decision-approve").count()).toBe(0);
    await approve(lukas, async (pending) => {
      // Lukas holds no signing authority: only Andrea is offered for the canton.
      const picker = pending.getByTestId("signatory-picker");
      await picker.getByTestId("signatory-option-u-andrea").waitFor(LATER);
      expect(await picker.locator('input[type="checkbox"]').count()).toBe(1);
      await picker.getByTestId("signatory-option-u-andrea").check();
      await pending.getByTestId("decision-signedOn").fill("2024-05-02");
    });
    await card(claire).locator('[data-testid="version-approval"][data-org="kanton-so"]').waitFor(LATER);
    await approve(claire, async (pending) => {
      // Only Claire holds signing authority at the SEM (demo.ts): she alone is offered.
      const picker = pending.getByTestId("signatory-picker");
      await picker.getByTestId("signatory-option-u-claire").waitFor(LATER);
      expect(await picker.locator('input[type="checkbox"]').count()).toBe(1);
      await picker.getByTestId("signatory-option-u-claire").check();
      await pending.getByTestId("decision-signedOn").fill("2024-05-02");
    });
    await expect.poll(() => card(andrea).getAttribute("data-status"), LATER).toBe("reached");
  });

  it("shows the agreement final and read-only for both, and opens an amendment with the signed text", async () => {
    const signedText = await editorText(andrea);
    expect(signedText).toContain("260'000");
    for (const page of parties) {
      const badge = page.getByTestId("final-badge");
      await badge.waitFor(LATER);
      expect(await badge.textContent()).toMatch(
        /^Unterzeichnet am \d{2}\.\d{2}\.\d{4} von Andrea Meier, Claire Dubois$/,
      );
      await expect.poll(() => page.getByTestId("editor").getAttribute("contenteditable"), LATER).toBe("false");
      await page.locator("a.back-link").click();
      const row = page.getByTestId(`doc-row-${DOC}`);
      await row.waitFor(LATER);
      await expect.poll(() => row.getByTestId("final-badge").count(), LATER).toBe(1);
      expect(await row.getByTestId("final-badge").textContent()).toContain("Unterzeichnet am");
    }

    // Andrea starts the Nachtrag from the signed agreement: it opens with the signed text.
    await openDocument(andrea, DOC);
    await andrea.getByTestId("start-amendment").click();
    const link = andrea.getByTestId("amends-link");
    await link.waitFor(LATER);
    expect(await link.textContent()).toBe(TITLE);
    expect(await andrea.getByTestId("document-kind").textContent()).toBe("Nachtrag");
    await andrea.locator('[data-testid="connection-status"][data-status="connected"]').waitFor(LATER);
    await expect.poll(() => editorText(andrea), LATER).toBe(signedText);
    expect(await andrea.getByTestId("editor").getAttribute("contenteditable")).toBe("true");
  });
});
