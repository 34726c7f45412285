import PDFDocument from "pdfkit";
import { withGlyphFallback } from "./pdfGlyphs.ts";

type Pdf = InstanceType<typeof PDFDocument>;

/** The document information a version's PDF carries (all of it also goes into the XMP). */
export interface ArchivalInfo {
  title: string;
  subject: string;
  keywords: string;
  /** The freeze time, never the export's: pdfkit derives the file /ID from it (issue 11). */
  issued: Date;
  lang: string;
  font: string;
  margin: number;
}

/**
 * A value for the XMP packet: markup escaped, and U+FFFE/U+FFFF (no XML characters, which
 * the title rule lets through) as U+FFFD, so the packet stays well-formed.
 */
const escapeXml = (s: string) =>
  s.replace(
    /[&<>"'\uFFFE\uFFFF]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c] ?? "\uFFFD",
  );

/** pdfkit's hook that writes the info dictionary into the XMP packet, not in its typings. */
interface WithXmpInfo {
  info: Record<string, unknown>;
  _addInfo: () => void;
}

/**
 * A PDF/A-2b document (PDF 1.7): pdfkit writes the XMP packet with pdfaid part 2,
 * conformance B, and the sRGB output intent; the fonts are embedded (DejaVu, never a
 * standard font: pdfkit's default Helvetica is replaced before anything is written); the
 * catalogue names the language (/Lang) and viewers show the title, not the file name.
 * Characters the fonts lack are printed as "�" (see pdfGlyphs.ts).
 */
export function archivalPdf(info: ArchivalInfo): Pdf {
  const pdf = new PDFDocument({
    size: "A4",
    margins: { top: info.margin, bottom: info.margin, left: info.margin, right: info.margin },
    bufferPages: true,
    subset: "PDF/A-2b",
    pdfVersion: "1.7",
    lang: info.lang,
    displayTitle: true,
    font: info.font,
    info: {
      CreationDate: info.issued,
      ModDate: info.issued,
      Title: info.title,
      Author: "Accord",
      Subject: info.subject,
      Keywords: info.keywords,
      Creator: "Accord",
      Producer: "Accord (PDFKit)",
    },
  });
  const hook = pdf as unknown as WithXmpInfo;
  const addInfo = hook._addInfo;
  // A pdfkit without the hook would write the values unescaped: refuse rather than do that.
  if (typeof addInfo !== "function") throw new Error("pdfkit has no _addInfo: cannot escape the XMP metadata");
  // pdfkit pastes the info values into the XMP packet as they are: a title with "&" or "<"
  // would make the metadata malformed, and one with "</rdf:li>…" could forge its entries.
  // The info dictionary keeps the values as typed (PDF strings are escaped by pdfkit).
  hook._addInfo = function addEscapedInfo(this: WithXmpInfo) {
    const raw = this.info;
    this.info = Object.fromEntries(
      Object.entries(raw).map(([key, value]) => [key, typeof value === "string" ? escapeXml(value) : value]),
    );
    try {
      addInfo.call(this);
    } finally {
      this.info = raw;
    }
  };
  // PDF/A wants every date of the info dictionary in the XMP too; pdfkit writes only CreateDate.
  pdf.appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
            <xmp:ModifyDate>${info.issued.toISOString().split(".")[0]}Z</xmp:ModifyDate>
        </rdf:Description>
        `);
  return withGlyphFallback(pdf);
}
