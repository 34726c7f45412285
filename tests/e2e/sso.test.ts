import { describe, expect, it } from "vitest";
import { launchBrowser } from "../helpers/browser.ts";
import { freePort } from "../helpers/cookieBrowser.ts";
import { startOidcProvider } from "../helpers/oidcProvider.ts";
import { startTestServer } from "../helpers/server.ts";

describe("single sign-on in the browser", async () => {
  const port = await freePort();
  const idp = await startOidcProvider(`http://127.0.0.1:${port}/api/auth/oidc/callback`);
  const server = await startTestServer({
    PORT: String(port),
    STATIC_DIR: "dist",
    ...idp.env,
    OIDC_LABEL: "Mit eIAM anmelden",
  });
  const browser = await launchBrowser();

  it("clicks the SSO button, follows the redirects through the provider and lands signed in", async () => {
    idp.signInAs({ sub: "eiam-claire", email: "claire.dubois@sem.admin.ch", email_verified: true, name: "Claire" });
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    const visited: string[] = [];
    page.on("request", (request) => {
      if (request.isNavigationRequest()) visited.push(new URL(request.url()).origin);
    });
    await page.goto("/#/login");
    const button = page.getByTestId("sso-button");
    expect(await button.textContent()).toBe("Mit eIAM anmelden");
    await button.click();
    await page.getByTestId("document-list").waitFor();
    expect(visited).toContain(idp.issuer);
    const me = await page.evaluate(async () => (await fetch("/api/me")).json());
    expect(me).toMatchObject({ email: "claire.dubois@sem.admin.ch", orgId: "sem" });
    await context.close();
  });

  it("shows why a sign-in was refused, in the language the user chose", async () => {
    idp.signInAs({ sub: "x-eve", email: "eve@example.org", email_verified: true, name: "Eve" });
    const context = await browser.newContext({ baseURL: server.url });
    const page = await context.newPage();
    await page.goto("/#/login");
    await page.getByTestId("language").selectOption("fr");
    await page.getByTestId("sso-button").click();
    const refused = page.getByTestId("sso-refused");
    await refused.waitFor();
    expect(await refused.getAttribute("data-reason")).toBe("unknown_domain");
    expect(await refused.textContent()).toContain("n'appartient à aucune organisation");
    expect(await page.evaluate(async () => (await fetch("/api/me")).status)).toBe(401);
    await context.close();
  });
});
