import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/** axe-core's browser build; evaluated over the DevTools protocol, which the app's CSP (script-src 'self') allows. */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.1 levels A and AA, the level eCH-0059 asks for. */
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** One violation as the test reports it: rule, impact and where (CSS selectors of the nodes). */
export interface AxeFinding {
  rule: string;
  impact: string;
  help: string;
  nodes: string[];
}

/** The part of axe's result `axeFindings` reads (axe-core's own types are not loaded into the page program). */
interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
}

/**
 * Runs axe-core in the page (loaded from node_modules, once per document) against WCAG 2.1
 * A/AA and returns the serious and critical violations, within `include` if given (a CSS selector).
 */
export async function axeFindings(page: Page, include?: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in globalThis))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    async ({ tags, context }) => {
      const axe = (globalThis as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<unknown> } }).axe;
      return (await axe.run(context ?? { exclude: [] }, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      })) as unknown;
    },
    { tags: WCAG_21_AA, context: include ? { include: [include] } : undefined },
  );
  return (result as AxeResult).violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? "",
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
}

/** A node of Chromium's accessibility tree: its role, name and description. */
export interface AxNode {
  role: string;
  name: string;
  description: string;
}

/**
 * The accessibility tree under the element `selector`, in document order, as Chromium gives it
 * to screen readers (DevTools protocol; CSS generated content and ARIA included).
 */
export async function accessibilityTree(page: Page, selector: string): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send("DOM.getDocument", { depth: 0 })) as { root: { nodeId: number } };
    const { nodeId } = (await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector })) as { nodeId: number };
    const { nodes } = (await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false })) as {
      nodes: { nodeId: string }[];
    };
    const top = nodes[0]?.nodeId;
    if (top === undefined) return [];
    type Raw = {
      nodeId: string;
      childIds?: string[];
      role?: { value: string };
      name?: { value: string };
      description?: { value: string };
    };
    const { nodes: tree } = (await cdp.send("Accessibility.getFullAXTree", {})) as { nodes: Raw[] };
    const byId = new Map(tree.map((n) => [n.nodeId, n]));
    const out: AxNode[] = [];
    const walk = (id: string) => {
      const node = byId.get(id);
      if (!node) return;
      out.push({
        role: node.role?.value ?? "",
        name: node.name?.value ?? "",
        description: node.description?.value ?? "",
      });
      for (const child of node.childIds ?? []) walk(child);
    };
    walk(top);
    return out;
  } finally {
    await cdp.detach();
  }
}

/** The text a screen reader reads inside `selector`: the tree's static text, one space between texts. */
export async function screenReaderText(page: Page, selector: string): Promise<string> {
  return (await accessibilityTree(page, selector))
    .filter((n) => n.role === "StaticText" && n.name !== "")
    .map((n) => n.name)
    .join(" ")
    .replace(/\s+/g, " ");
}
