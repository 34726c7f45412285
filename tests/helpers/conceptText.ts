import type { Page } from "playwright-core";

/** The paragraph under the heading "1.1 Ausgangslage" of the demo concept. */
export const ausgangslage = (page: Page) => page.getByTestId("editor").locator("h2:has-text('1.1 Ausgangslage') + p");

/** Puts the caret at the end of that paragraph's text. */
export async function caretAtEnd(page: Page): Promise<void> {
  await ausgangslage(page).click();
  await page.keyboard.press("End");
  await ausgangslage(page).evaluate((el) => {
    const g = globalThis as unknown as {
      getSelection(): { selectAllChildren(n: unknown): void; collapseToEnd(): void } | null;
    };
    const sel = g.getSelection();
    sel?.selectAllChildren(el);
    sel?.collapseToEnd();
  });
}
