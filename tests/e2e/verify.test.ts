import { describe, expect, it } from "vitest";
import type { VersionDetail } from "../../shared/api/schemas.ts";
import { launchBrowser } from "../helpers/browser.ts";
import { login, startTestServer } from "../helpers/server.ts";

const CONCEPT = "kip3-konzept-so";

describe("the verify page, without signing in", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const cookie = await login(server.url, "andrea.meier@so.ch");
  const version = (await (
    await fetch(`${server.url}/api/documents/${CONCEPT}/milestones`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json" },
      body: JSON.stringify({ includeOpen: true }),
    })
  ).json()) as VersionDetail;
  const md = await (
    await fetch(`${server.url}/api/versions/${version.id}/export?format=md`, { headers: { cookie } })
  ).text();
  const browser = await launchBrowser();
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await page.goto("/#/verify");

  const check = async (input: { file: string } | { hash: string }) => {
    await page.reload();
    if ("file" in input) {
      await page
        .getByTestId("verify-file")
        .setInputFiles({ name: "export.md", mimeType: "text/markdown", buffer: Buffer.from(input.file) });
    } else await page.getByTestId("verify-hash").fill(input.hash);
    await page.getByTestId("verify-submit").click();
    const verdict = page.getByTestId("verify-verdict");
    await verdict.waitFor();
    return { verdict: await verdict.getAttribute("data-verdict"), text: (await verdict.textContent()) ?? "" };
  };

  it("says genuine for an untouched export", async () => {
    const { verdict, text } = await check({ file: md });
    expect(verdict).toBe("genuine");
    expect(text).toContain("Echt");
  });

  it("says altered for a changed amount and shows the passage beside the version's", async () => {
    const { verdict, text } = await check({ file: md.replace("CHF 1'050'000", "CHF 9'050'000") });
    expect(verdict).toBe("altered");
    expect(text).toContain("Verändert");
    const passages = page.getByTestId("verify-differences");
    expect(await passages.locator("ins").first().textContent()).toContain("9'050'000");
    expect(await passages.locator("del").first().textContent()).toContain("1'050'000");
  });

  it("says only that a hash is known, and unknown for anything else", async () => {
    const known = await check({ hash: version.chainHash });
    expect(known.verdict).toBe("hash_known");
    expect(known.text).toContain("Hash bekannt");
    expect(known.text).not.toContain("Echt");
    expect((await check({ file: "nichts" })).verdict).toBe("unknown");
  });
});
