import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import type { VersionDetail } from "../../shared/api/schemas.ts";
import { login, startTestServer } from "../helpers/server.ts";

const CONCEPT = "kip3-konzept-so";

/** The shell lines of the README's "Verifying a bundle without Accord", exactly as written there. */
function readmeRecipe(): string {
  const readme = readFileSync(path.join(import.meta.dirname, "../../README.md"), "utf8");
  const block = /<!-- bundle-recipe:begin -->\n```sh\n([\s\S]*?)```\n<!-- bundle-recipe:end -->/.exec(readme)?.[1];
  if (!block) throw new Error("README has no bundle recipe between the markers");
  return block;
}

describe("the README's recipe recomputes a bundle's hashes with unzip, jq and sha256sum", async () => {
  const server = await startTestServer();
  const andrea = await login(server.url, "andrea.meier@so.ch");
  // The RRB milestone has four eyes: Andrea requests it, her colleague Lukas approves it.
  const lukas = await login(server.url, "lukas.frei@so.ch");
  const post = async (url: string, json: unknown, cookie = andrea) =>
    (await (
      await fetch(`${server.url}/api${url}`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify(json),
      })
    ).json()) as VersionDetail;
  // Two versions, so the second has a previous chain hash; its decision records an RRB number and date.
  const first = await post(`/documents/${CONCEPT}/milestones`, { includeOpen: true });
  await post(`/versions/${first.id}/approvals`, { decision: "approve" });
  const second = await post(`/documents/${CONCEPT}/milestones`, { includeOpen: true });
  await post(
    `/versions/${second.id}/approvals`,
    {
      decision: "approve",
      details: { rrbNumber: "RRB Nr. 2024/88 – Integration", rrbDate: "2024-01-23" },
      // A reason over two lines: the recipe must bind it by its hash, as the server does.
      reason: "Genehmigt.\nMit Auflagen zu Ziffer 3.",
    },
    lukas,
  );
  const res = await fetch(`${server.url}/api/versions/${second.id}/export?format=zip`, { headers: { cookie: andrea } });
  const bundle = new Uint8Array(await res.arrayBuffer());
  const dir = mkdtempSync(path.join(tmpdir(), "accord-recipe-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = (zip: Uint8Array, name: string) => {
    const work = path.join(dir, name);
    execFileSync("mkdir", ["-p", work]);
    writeFileSync(path.join(work, "bundle.zip"), zip);
    writeFileSync(path.join(work, "recipe.sh"), readmeRecipe());
    return spawnSync("bash", ["recipe.sh"], { cwd: work, encoding: "utf8" });
  };

  it("gives the content, chain and approval hashes the server stored", async () => {
    const result = run(bundle, "untouched");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    const approvals = await server.store.listApprovals([second.id]);
    expect(approvals).toHaveLength(1);
    expect(second.prevHash).toBe(first.chainHash);
    expect(lines).toEqual([
      `content ${second.contentHash} ${second.contentHash}`,
      `chain ${second.chainHash} ${second.chainHash}`,
      ...approvals.map((a) => `approval ${a.id} ${a.hash} ${a.hash}`),
    ]);
  });

  it("fails on a bundle whose content.json was changed", () => {
    const entries = unzipSync(bundle);
    const content = new TextDecoder().decode(entries["content.json"]);
    entries["content.json"] = strToU8(content.replace("1'050'000", "9'050'000"));
    const result = run(zipSync(entries), "tampered");
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/content\.json: FAILED/);
  });
});
