import type { IStylesOptions } from "docx";

/**
 * The body font. Arial is on every Word installation; LibreOffice (and the PDF export's
 * reader) lays it out with Liberation Sans, which is metric compatible, so lines and pages
 * break alike in both without embedding a font (DejaVu Sans, used before, is not in Word:
 * Word substituted a font of other widths).
 */
export const BODY_FONT = "Arial";
/** Body text size in half points (10.5 pt). */
const BODY_SIZE = 21;
/** Space after a paragraph (twips, 7 pt); headings get more before than after. */
const PARAGRAPH_AFTER = 140;
const HEADING_SIZES = [32, 28, 24, 22, 21, 21];

/**
 * Word styles of the export: the default run (font, size, document language) and
 * paragraph spacing, and Heading1…Heading6 with their outline level (w:outlineLvl 0…5),
 * from which Word's and LibreOffice's navigators, tables of contents and PDF bookmarks
 * are made.
 */
export function exportStyles(language: string): IStylesOptions {
  const heading = (level: number) => ({
    run: { font: BODY_FONT, size: HEADING_SIZES[level] ?? BODY_SIZE, bold: true, color: "1F2933" },
    paragraph: {
      outlineLevel: level,
      keepNext: true,
      keepLines: true,
      spacing: { before: level === 0 ? 360 : 240, after: 120 },
    },
  });
  return {
    default: {
      document: {
        run: {
          font: BODY_FONT,
          size: BODY_SIZE,
          language: { value: language, eastAsia: language, bidirectional: language },
        },
        paragraph: { spacing: { after: PARAGRAPH_AFTER, line: 276 } },
      },
      title: { run: { font: BODY_FONT, size: 36, bold: true }, paragraph: { spacing: { after: 240 } } },
      heading1: heading(0),
      heading2: heading(1),
      heading3: heading(2),
      heading4: heading(3),
      heading5: heading(4),
      heading6: heading(5),
    },
  };
}
