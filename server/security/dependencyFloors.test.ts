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

/** -1, 0 or 1 as `a` is older than, equal to or newer than `b` (x.y.z; a prerelease is below its release). */
function compare(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = "", pre] = v.split("-", 2);
    return { parts: core.split(".").map(Number), pre: pre !== undefined };
  };
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (pa.parts[i] ?? 0) - (pb.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return Number(pb.pre) - Number(pa.pre);
}

describe("dependency floors", () => {
  it("compares versions numerically, not as text, with a prerelease below its release", () => {
    expect(compare("1.42.10", "1.42.3")).toBe(1);
    expect(compare("1.9.0", "1.10.0")).toBe(-1);
    expect(compare("4.3.2", "4.3.2")).toBe(0);
    expect(compare("1.42.3-beta.1", "1.42.3")).toBe(-1);
    expect(compare("2.0.0-rc.1", "1.42.3")).toBe(1);
  });

  it.each(FLOORS)("has $name at $min or later ($why)", ({ name, min }) => {
    expect(compare(installed(name), min)).toBeGreaterThanOrEqual(0);
  });
});
