import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CONTENT_FIELD } from "../../shared/schema/extensions.ts";
import { editorText, launchBrowser, openDocument, pasteInto, signedInPage } from "../helpers/browser.ts";
import { startTestServer } from "../helpers/server.ts";
import { storedDoc } from "../helpers/stored.ts";

const DOC = "kip3-konzept-so";
const SAFE_HREF = "https://www.sem.admin.ch/";

/**
 * Pasted HTML with the usual XSS vectors (tiptap#2645, #5153, the prosemirror-view paste
 * advisory): script URLs in any case, with entities, whitespace and control characters,
 * data: URLs, event handlers, SVG/MathML, frames, forms, and a safe link that must survive.
 */
const CORPUS = `
<p>XSS-Probe-Anfang</p>
<p>
  <a href="javascript:alert('a1')">js</a>
  <a href=" JaVaScRiPt:alert('a2')">js-case</a>
  <a href="java&#x09;script:alert('a3')">js-tab</a>
  <a href="java&#x0A;script:alert('a4')">js-newline</a>
  <a href="&#106;avascript:alert('a5')">js-entity</a>
  <a href="&#x01;javascript:alert('a6')">js-control</a>
  <a href="data:text/html,<script>alert('a7')</script>">data</a>
  <a href="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">data-svg</a>
  <a href="vbscript:msgbox('a8')">vb</a>
  <a href="${SAFE_HREF}" onclick="alert('a9')" onmouseover="alert('a10')">SEM-Website</a>
</p>
<img src=x onerror="alert('i1')">
<svg onload="alert('s1')"><a xlink:href="javascript:alert('s2')"><text>svg</text></a></svg>
<math><a xlink:href="javascript:alert('m1')">math</a></math>
<p onclick="alert('p1')" style="background:url(javascript:alert('p2'))">Absatz mit Handler</p>
<iframe src="javascript:alert('f1')"></iframe>
<iframe srcdoc="<script>alert('f2')</script>"></iframe>
<object data="javascript:alert('o1')"></object>
<embed src="javascript:alert('e1')">
<form action="javascript:alert('fo1')"><button formaction="javascript:alert('fo2')">Senden</button></form>
<details open ontoggle="alert('d1')"><summary>Details</summary></details>
<video><source onerror="alert('v1')"></video>
<script>alert('sc1')</script>
<p>XSS-Probe-Ende</p>
`;

/** What is dangerous in rendered markup: the tags that run or embed code, on* attributes, script URLs. */
interface Finding {
  tag: string;
  attribute?: string;
  value?: string;
}

/**
 * Scans the editor's DOM (the element and everything in it). URL values are compared with
 * whitespace and control characters removed and lower-cased, as browsers read them.
 */
function unsafeMarkup(editor: Locator): Promise<Finding[]> {
  return editor.evaluate((root) => {
    interface El {
      tagName: string;
      attributes: ArrayLike<{ name: string; value: string }>;
    }
    const findings: { tag: string; attribute?: string; value?: string }[] = [];
    const elements: El[] = [root, ...Array.from(root.querySelectorAll("*") as ArrayLike<El>)];
    for (const el of elements) {
      const tag = el.tagName.toLowerCase();
      if (["script", "iframe", "object", "embed", "svg", "math", "form", "base", "video", "details"].includes(tag)) {
        findings.push({ tag });
      }
      for (const { name, value } of Array.from(el.attributes)) {
        const attribute = name.toLowerCase();
        // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
        const squeezed = value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
        const scriptUrl = /^(javascript|vbscript|data):/.test(squeezed);
        const scriptStyle = attribute === "style" && /javascript:|expression\(|url\(/.test(squeezed);
        if (attribute.startsWith("on") || attribute === "srcdoc" || scriptUrl || scriptStyle) {
          findings.push({ tag, attribute, value });
        }
      }
    }
    return findings;
  });
}

/** True for a script or data URL, read as browsers read it: without whitespace and control characters, any case. */
function isScriptUrl(value: unknown): boolean {
  if (typeof value !== "string") return false;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const squeezed = value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
  return /^(javascript|vbscript|data):/.test(squeezed);
}

/** Link targets, element names and attributes in the stored Yjs content that could carry script. */
function unsafeStored(doc: Y.Doc): string[] {
  const findings: string[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { attributes?: Record<string, Record<string, unknown> | null> }[]) {
        for (const [mark, attrs] of Object.entries(op.attributes ?? {})) {
          for (const [name, value] of Object.entries(attrs ?? {})) {
            if (name.toLowerCase().startsWith("on") || isScriptUrl(value)) findings.push(`${mark}.${name}=${value}`);
          }
        }
      }
      return;
    }
    if (!(node instanceof Y.XmlElement)) return;
    if (["script", "iframe", "svg", "math", "image", "img"].includes(node.nodeName)) findings.push(node.nodeName);
    for (const [name, value] of Object.entries(node.getAttributes())) {
      if (name.toLowerCase().startsWith("on") || isScriptUrl(value))
        findings.push(`${node.nodeName}[${name}=${value}]`);
    }
    for (const child of node.toArray()) visit(child);
  };
  for (const child of doc.getXmlFragment(CONTENT_FIELD).toArray()) visit(child);
  return findings;
}

/** Every link target in the stored content. */
function storedHrefs(doc: Y.Doc): string[] {
  const hrefs: string[] = [];
  const visit = (node: Y.XmlElement | Y.XmlText | Y.XmlHook) => {
    if (node instanceof Y.XmlText) {
      for (const op of node.toDelta() as { attributes?: { link?: { href?: unknown } } }[]) {
        const href = op.attributes?.link?.href;
        if (typeof href === "string") hrefs.push(href);
      }
    } else if (node instanceof Y.XmlElement) {
      for (const child of node.toArray()) visit(child);
    }
  };
  for (const child of doc.getXmlFragment(CONTENT_FIELD).toArray()) visit(child);
  return hrefs;
}

/** Collects every dialog (alert, confirm, prompt) the page opens; any one of them means script ran. */
function dialogsOf(page: Page): string[] {
  const seen: string[] = [];
  page.on("dialog", (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return seen;
}

/** Time for deferred handlers (image errors, toggle events, frame loads) to fire if they were going to. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 750));

// The page's Content-Security-Policy would block inline handlers and script URLs on its
// own; both contexts bypass it, so these tests prove the editor's defences, not the CSP's.
describe("XSS vectors pasted into the editor", async () => {
  const server = await startTestServer({ STATIC_DIR: "dist" });
  const browser = await launchBrowser();
  const andrea = await signedInPage(browser, server.url, "andrea.meier@so.ch", { bypassCSP: true });
  const lukas = await signedInPage(browser, server.url, "lukas.frei@so.ch", { bypassCSP: true });
  const andreaDialogs = dialogsOf(andrea.page);
  const lukasDialogs = dialogsOf(lukas.page);
  await openDocument(andrea.page, DOC);
  await openDocument(lukas.page, DOC);
  const paragraph = (page: Page) => page.getByTestId("editor").locator("h2:has-text('1.1 Ausgangslage') + p");

  it("keeps the pasted text and the safe link but no vector, and runs no script", async () => {
    await paragraph(andrea.page).click();
    await andrea.page.keyboard.press("End");
    await pasteInto(andrea.page.getByTestId("editor"), { html: CORPUS, text: "XSS-Probe-Anfang XSS-Probe-Ende" });
    await expect.poll(() => editorText(andrea.page)).toContain("XSS-Probe-Ende");
    await settle();

    expect(andreaDialogs).toEqual([]);
    expect(await editorText(andrea.page)).toContain("Absatz mit Handler");
    expect(await unsafeMarkup(andrea.page.getByTestId("editor"))).toEqual([]);
    // The paste went through the link parser: the safe link is kept, handlers stripped.
    const safe = andrea.page.getByTestId("editor").locator(`a[href="${SAFE_HREF}"]`);
    expect(await safe.textContent()).toBe("SEM-Website");
    // Nothing the client wrote was refused by the server's content rule.
    expect(await andrea.page.getByTestId("access-notice").count()).toBe(0);
    expect(await andrea.page.getByTestId("connection-status").getAttribute("data-status")).toBe("connected");
  });

  it("delivers the same clean content to the second editor", async () => {
    await expect.poll(() => editorText(lukas.page), { timeout: 10_000 }).toContain("XSS-Probe-Ende");
    await settle();
    expect(lukasDialogs).toEqual([]);
    expect(await unsafeMarkup(lukas.page.getByTestId("editor"))).toEqual([]);
    expect(await lukas.page.getByTestId("editor").locator(`a[href="${SAFE_HREF}"]`).count()).toBe(1);
  });

  it("makes no script link of a javascript: address pasted over selected text", async () => {
    await paragraph(andrea.page).dblclick();
    await pasteInto(andrea.page.getByTestId("editor"), { text: "javascript:alert('t1')" });
    await pasteInto(andrea.page.getByTestId("editor"), { text: " JAVASCRIPT:alert('t2')" });
    await settle();
    expect(andreaDialogs).toEqual([]);
    expect(await unsafeMarkup(andrea.page.getByTestId("editor"))).toEqual([]);
    expect(await unsafeMarkup(lukas.page.getByTestId("editor"))).toEqual([]);
  });

  it("stores no vector in the document and keeps the safe link target", async () => {
    const doc = await storedDoc(server, DOC);
    expect(unsafeStored(doc)).toEqual([]);
    expect(storedHrefs(doc)).toContain(SAFE_HREF);
    expect(lukasDialogs).toEqual([]);
    expect(andreaDialogs).toEqual([]);
  });
});
