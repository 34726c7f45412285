import type PDFDocument from "pdfkit";

type Pdf = InstanceType<typeof PDFDocument>;

/** The part of pdfkit's current font this needs (fontkit's font behind it); not in pdfkit's typings. */
interface WithCurrentFont {
  _font?: { font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean } };
}

const REPLACEMENT = "\uFFFD";

/**
 * Makes every text `pdf` sets or measures use only characters its current font has: any
 * other character (a Chinese name, a tab) is printed as "�". PDF/A forbids references to
 * the .notdef glyph, which is what a missing character would otherwise be drawn with, and a
 * reader would see an empty box where the text had a character.
 */
export function withGlyphFallback(pdf: Pdf): Pdf {
  const printable = (value: unknown): unknown => {
    if (typeof value !== "string") return value;
    const has = (pdf as unknown as WithCurrentFont)._font?.font?.hasGlyphForCodePoint;
    if (!has) return value;
    let out = "";
    for (const char of value) {
      const code = char.codePointAt(0) ?? 0;
      out += char === "\n" || has.call((pdf as unknown as WithCurrentFont)._font?.font, code) ? char : REPLACEMENT;
    }
    return out;
  };
  const text = pdf.text.bind(pdf) as (...args: unknown[]) => Pdf;
  const heightOfString = pdf.heightOfString.bind(pdf) as (...args: unknown[]) => number;
  const widthOfString = pdf.widthOfString.bind(pdf) as (...args: unknown[]) => number;
  pdf.text = ((value: unknown, ...rest: unknown[]) => text(printable(value), ...rest)) as Pdf["text"];
  pdf.heightOfString = ((value: unknown, ...rest: unknown[]) =>
    heightOfString(printable(value), ...rest)) as Pdf["heightOfString"];
  pdf.widthOfString = ((value: unknown, ...rest: unknown[]) =>
    widthOfString(printable(value), ...rest)) as Pdf["widthOfString"];
  return pdf;
}
