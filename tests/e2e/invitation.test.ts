import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { cleanup } from "../helpers/cleanup.ts";
import { DEMO_PASSWORD, startTestServer } from "../helpers/server.ts";

const ADMIN = "sandra.keller@sem.admin.ch";

/** Picks the organisation in the admin area: from the list, or by id where the list is not offered. */
async function pickOrganisation(page: Page, orgId: string): Promise<void> {
  const picker = page.getByTestId("admin-org");
  if ((await picker.evaluate((el) => el.tagName)) === "SELECT") await picker.selectOption(orgId);
  else await picker.fill(orgId);
}

describe("inviting Kanton Bern's first user in the browser", async () => {
  const server = await startTestServer();
  const browser = await launchBrowser();

  it("lets the administrator invite, and the invitee accept in another browser, signed in to an empty list", async () => {
    const adminContext = await browser.newContext({ baseURL: server.url });
    cleanup(() => adminContext.close());
    const admin = await adminContext.newPage();
    await admin.goto("/#/login");
    await admin.getByTestId("login-email").fill(ADMIN);
    await admin.getByTestId("login-password").fill(DEMO_PASSWORD);
    await admin.getByTestId("login-submit").click();
    await admin.getByTestId("admin-link").click();
    await admin.getByTestId("admin-people").waitFor();
    await pickOrganisation(admin, "kanton-be");
    await admin.getByTestId("invite-email").fill("beat.brunner@be.ch");
    await admin.getByTestId("invite-name").fill("Beat Brunner");
    await admin.getByTestId("invite-submit").click();
    const link = await admin.getByTestId("invite-link").inputValue();
    expect(link).toMatch(/\/#\/invitation\/[A-Za-z0-9_-]{43}$/);
    await admin.getByTestId("invitation-beat.brunner@be.ch").waitFor();
    // The same link is in the outbox, as the invitee's mail.
    await admin.getByTestId("admin-tab-outbox").click();
    expect(await admin.getByTestId("outbox-text").first().textContent()).toContain(link);

    const inviteeContext = await browser.newContext({ baseURL: server.url });
    cleanup(() => inviteeContext.close());
    const invitee = await inviteeContext.newPage();
    await invitee.goto(`/#/invitation/${link.split("/#/invitation/")[1]}`);
    expect(await invitee.getByTestId("invitation-intro").textContent()).toContain("Kanton Bern");
    expect(await invitee.getByTestId("invitation-name").inputValue()).toBe("Beat Brunner");
    await invitee.getByTestId("invitation-password").fill("kurz");
    await invitee.getByTestId("invitation-password").fill("1234567890");
    await invitee.getByTestId("invitation-accept").click();
    await invitee.getByTestId("invitation-error").waitFor();
    await invitee.getByTestId("invitation-password").fill("Bärengraben-Bern-1857");
    await invitee.getByTestId("invitation-accept").click();
    await invitee.getByTestId("current-user-name").waitFor();
    expect(await invitee.getByTestId("current-user-name").textContent()).toBe("Beat Brunner");
    expect(await invitee.getByTestId("current-user-org").textContent()).toBe("Kanton Bern");
    await invitee.getByText("Sie sind noch an keinem Dokument beteiligt.").waitFor();
    expect(await invitee.getByTestId("admin-link").count()).toBe(0);

    // The link is spent: opening it again says so.
    const again = await inviteeContext.newPage();
    await again.goto(`/#/invitation/${link.split("/#/invitation/")[1]}`);
    await again.getByTestId("invitation-invalid").waitFor();
  });
});
