import { existsSync, mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { build } from "vite";

const ACCORD_DIST = path.resolve("dist");

/** Newest modification time of any file under `dir` (node_modules excluded). */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules") continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Makes sure `dist/` (what the Accord server serves, `npm run build`) is the current
 * client: builds it with the client's own vite config when it is missing or older than any
 * file of client/ or shared/. Returns whether it built.
 */
export async function ensureAccordClient(): Promise<boolean> {
  const index = path.join(ACCORD_DIST, "index.html");
  const sources = Math.max(newestMtime(path.resolve("client")), newestMtime(path.resolve("shared")));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return false;
  console.log("browser: building the Accord client (dist/ missing or stale)…");
  await build({ configFile: path.resolve("client/vite.config.ts"), logLevel: "warn" });
  return true;
}

/** Builds the peer page (peer/) into a fresh temporary directory and returns it; nothing is committed built. */
export async function buildPeerPage(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), "accord-bench-peer-"));
  await build({
    root: path.resolve("tests/bench/browser/peer"),
    configFile: false,
    logLevel: "warn",
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
