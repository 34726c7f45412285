import { describe, expect, it } from "vitest";
import { apiClient } from "../helpers/api.ts";
import { launchBrowser, signedInPage } from "../helpers/browser.ts";
import { addPeople, PEOPLE } from "../helpers/people.ts";
import { login, startTestServer } from "../helpers/server.ts";

describe("documents of many cantons in the browser", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  await addPeople(server.store, PEOPLE.beat);
  const api = apiClient(server.url);
  const beatCookie = await login(server.url, PEOPLE.beat.email);
  // Bern's first concept, with Claire of the SEM as its editor.
  const created = await api<{ id: string }>("POST", "/api/documents", {
    cookie: beatCookie,
    json: { title: "KIP 3 Programmkonzept Kanton Bern", kind: "concept" },
  });
  const bern = created.body.id;
  await api("PUT", `/api/documents/${bern}/members`, {
    cookie: beatCookie,
    json: { userId: "u-claire", role: "editor" },
  });
  const browser = await launchBrowser();
  const claire = await signedInPage(browser, server.url, "claire.dubois@sem.admin.ch");
  const beat = await signedInPage(browser, server.url, PEOPLE.beat.email);

  /** The groups of a page's list: canton id, heading and the ids of its documents. */
  const groupsOf = async (page: typeof claire.page) => {
    const groups = page.getByTestId("doc-group");
    const out: [string | null, string, string[]][] = [];
    for (let i = 0; i < (await groups.count()); i++) {
      const group = groups.nth(i);
      const rows = await group
        .locator('tr[data-testid^="doc-row-"]')
        .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid")?.replace("doc-row-", "") ?? ""));
      out.push([await group.getAttribute("data-canton"), (await group.locator("h2").textContent()) ?? "", rows.sort()]);
    }
    return out;
  };

  it("shows SEM staff their documents grouped by programme, cantons by name", async () => {
    await expect
      .poll(() => groupsOf(claire.page))
      .toEqual([
        ["kanton-be", "Programm Kanton Bern", [bern]],
        ["kanton-so", "Programm Kanton Solothurn", ["kip3-konzept-so", "kip3-vereinbarung-so"]],
      ]);
  });

  it("names the programmes and the user's organisation in the UI language: French for a French UI", async () => {
    await claire.page.getByTestId("language").selectOption("fr");
    await expect
      .poll(() => claire.page.getByTestId("doc-group").locator("h2").allTextContents())
      .toEqual(["Programme Canton de Berne", "Programme Canton de Soleure"]);
    expect(await claire.page.getByTestId("current-user-org").textContent()).toBe(
      "Secrétariat d'État aux migrations SEM",
    );
    await claire.page.getByTestId("language").selectOption("de");
  });

  it("lets SEM staff create a document for a canton they choose, which then lists under it", async () => {
    await claire.page.getByTestId("create-title").fill("Programmvereinbarung Kanton Bern");
    await claire.page.getByTestId("create-kind").selectOption("agreement");
    expect(await claire.page.getByTestId("create-submit").isDisabled()).toBe(true);
    const cantons = await claire.page.getByTestId("create-canton").locator("option").allTextContents();
    expect(cantons).toHaveLength(27); // the prompt and the 26 cantons
    expect(cantons).toContain("Kanton Bern");
    await claire.page.getByTestId("create-canton").selectOption("kanton-be");
    await claire.page.getByTestId("create-submit").click();
    // The new document opens; back in the list, it stands under Bern.
    await claire.page.getByTestId("editor").waitFor();
    await claire.page.goto("/#/");
    await expect
      .poll(async () => (await groupsOf(claire.page)).find(([canton]) => canton === "kanton-be")?.[2].length)
      .toBe(2);
  });

  it("shows canton staff their documents in one list, and presets their canton and the SEM", async () => {
    await beat.page.getByTestId(`doc-row-${bern}`).waitFor();
    expect(await beat.page.getByTestId("doc-group").count()).toBe(0);
    expect(await beat.page.getByTestId("create-canton").count()).toBe(0);
    expect(await beat.page.getByTestId("create-parties").textContent()).toBe("Beteiligte: Kanton BE und SEM");
  });
});
