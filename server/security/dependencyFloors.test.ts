import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Minimum installed versions, each fixing a known advisory in the editor stack. */
const FLOORS: { name: string; min: string; why: string }[] = [
  { name: "prosemirror-view", min: "1.42.3", why: "XSS through pasted HTML" },
  { name: "prosemirror-model", min: "1.22.1", why: "XSS in DOM parsing/serialisation" },
  { name: "linkifyjs", min: "4.3.2", why: "prototype pollution / link autolinking" },
];

const installed = (name: string): string =>
  (JSON.parse(readFileSync(path.resolve("node_modules", name, "package.json"), "utf8")) as { version: string }).version;

/** -1, 0 or 1 as `a` is older than, equal to or newer than `b` (numeric x.y.z). */
function compare(a: string, b: string): number {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

describe("dependency floors", () => {
  it.each(FLOORS)("has $name at $min or later ($why)", ({ name, min }) => {
    expect(compare(installed(name), min)).toBeGreaterThanOrEqual(0);
  });
});
