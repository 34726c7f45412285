import { strToU8, zipSync } from "fflate";

/**
 * A small builder of flat ODT (FODT) sources, which tests convert to DOCX with LibreOffice
 * (`convertWithLibreOffice(fodt, "fodt", "docx")`): Word files made by a real third-party
 * writer, not by Accord's own exporter. Each helper returns ODF XML; `fodt` wraps a body.
 */

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:xlink="http://www.w3.org/1999/xlink"',
  'xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"',
  'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"',
  'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"',
].join(" ");

/** Text escaped for XML. */
export const t = (text: string): string =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** One tracked change of the document, listed in `text:tracked-changes`. */
export interface TrackedChange {
  id: string;
  kind: "insertion" | "deletion";
  author: string;
  /** Local time, `YYYY-MM-DDTHH:MM:SS`. */
  date: string;
  /** For a deletion: the deleted content as ODF paragraphs (e.g. `p("gone")`, or `p("") + p("")` for a join). */
  removed?: string;
}

/** A flat ODT with the given body, tracked changes and default language (e.g. "de", "CH"). */
export function fodt(
  body: string,
  options: { changes?: TrackedChange[]; language?: [string, string]; header?: string; footer?: string } = {},
): string {
  const [language, country] = options.language ?? ["de", "CH"];
  const changes = (options.changes ?? [])
    .map(
      (c) =>
        `<text:changed-region xml:id="${c.id}" text:id="${c.id}"><text:${c.kind}><office:change-info>` +
        `<dc:creator>${t(c.author)}</dc:creator><dc:date>${c.date}</dc:date></office:change-info>` +
        `${c.removed ?? ""}</text:${c.kind}></text:changed-region>`,
    )
    .join("");
  const headings = [1, 2, 3, 4]
    .map(
      (n) =>
        `<style:style style:name="Heading_20_${n}" style:display-name="Heading ${n}" style:family="paragraph" ` +
        `style:default-outline-level="${n}"><style:text-properties fo:font-weight="bold"/></style:style>`,
    )
    .join("");
  const numbered = [1, 2, 3]
    .map(
      (n) =>
        `<text:list-level-style-number text:level="${n}" style:num-format="1" style:num-suffix=".">` +
        `<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">` +
        `<style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="${0.5 * n}in"/>` +
        "</style:list-level-properties></text:list-level-style-number>",
    )
    .join("");
  const bulleted = [1, 2, 3]
    .map(
      (n) =>
        `<text:list-level-style-bullet text:level="${n}" text:bullet-char="•">` +
        `<style:list-level-properties text:list-level-position-and-space-mode="label-alignment">` +
        `<style:list-level-label-alignment text:label-followed-by="listtab" fo:text-indent="-0.25in" fo:margin-left="${0.5 * n}in"/>` +
        "</style:list-level-properties></text:list-level-style-bullet>",
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${NS} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:language="${language}" fo:country="${country}"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
${headings}
</office:styles>
<office:automatic-styles>
<style:style style:name="Tb" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Ti" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
<style:style style:name="Tu" style:family="text"><style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
<style:style style:name="Ts" style:family="text"><style:text-properties style:text-line-through-style="solid" style:text-line-through-type="single"/></style:style>
<text:list-style style:name="Lbullet">${bulleted}</text:list-style>
<text:list-style style:name="Lnumber">${numbered}</text:list-style>
<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"/><style:header-style/><style:footer-style/></style:page-layout>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">${
    options.header ? `<style:header>${p(options.header)}</style:header>` : ""
  }${options.footer ? `<style:footer>${p(options.footer)}</style:footer>` : ""}</style:master-page></office:master-styles>
<office:body><office:text>
<text:tracked-changes>${changes}</text:tracked-changes>
${body}
</office:text></office:body>
</office:document>
`;
}

/** A heading with an outline level. */
export const h = (level: number, inner: string): string =>
  `<text:h text:style-name="Heading_20_${level}" text:outline-level="${level}">${inner}</text:h>`;
/** A paragraph. */
export const p = (inner: string): string => `<text:p text:style-name="Standard">${inner}</text:p>`;

const span = (style: string) => (inner: string) => `<text:span text:style-name="${style}">${inner}</text:span>`;
/** Bold text. */
export const bold = span("Tb");
/** Italic text. */
export const italic = span("Ti");
/** Underlined text. */
export const underline = span("Tu");
/** Struck-through text. */
export const strike = span("Ts");
/** A hyperlink. */
export const link = (href: string, inner: string): string =>
  `<text:a xlink:type="simple" xlink:href="${t(href)}">${inner}</text:a>`;
/** A line break inside a paragraph. */
export const lineBreak = "<text:line-break/>";

/** A list item: its paragraph's content and optional nested items. */
export type Item = string | { text: string; children?: Item[]; start?: number };

function items(list: Item[]): string {
  return list
    .map((item) => {
      const { text, children, start } =
        typeof item === "string" ? { text: item, children: undefined, start: undefined } : item;
      const nested = children ? `<text:list>${items(children)}</text:list>` : "";
      return `<text:list-item${start ? ` text:start-value="${start}"` : ""}>${p(text)}${nested}</text:list-item>`;
    })
    .join("");
}

/** A bulleted list (nested items are deeper levels). */
export const bullets = (list: Item[]): string => `<text:list text:style-name="Lbullet">${items(list)}</text:list>`;
/** A numbered list; a new one restarts at 1 unless its first item has `start`. */
export const numbered = (list: Item[]): string => `<text:list text:style-name="Lnumber">${items(list)}</text:list>`;

/** A table cell: its paragraphs' content and how far it spans; `covered` for the cells a span hides. */
export type Cell = string | { text: string; colspan?: number; rowspan?: number } | "covered";

const cell = (c: Cell): string => {
  if (c === "covered") return "<table:covered-table-cell/>";
  const { text, colspan, rowspan } = typeof c === "string" ? { text: c, colspan: 1, rowspan: 1 } : c;
  const spans =
    (colspan && colspan > 1 ? ` table:number-columns-spanned="${colspan}"` : "") +
    (rowspan && rowspan > 1 ? ` table:number-rows-spanned="${rowspan}"` : "");
  return `<table:table-cell office:value-type="string"${spans}>${p(text)}</table:table-cell>`;
};
const row = (cells: Cell[]) => `<table:table-row>${cells.map(cell).join("")}</table:table-row>`;

/** A table with header rows (repeated on each page) and body rows. */
export function table(name: string, columns: number, header: Cell[][], body: Cell[][]): string {
  const head = header.length ? `<table:table-header-rows>${header.map(row).join("")}</table:table-header-rows>` : "";
  return `<table:table table:name="${name}"><table:table-column table:number-columns-repeated="${columns}"/>${head}${body.map(row).join("")}</table:table>`;
}

/** Where the tracked change `id` (an insertion) starts: put its text between this and `changeEnd`. */
export const changeStart = (id: string): string => `<text:change-start text:change-id="${id}"/>`;
/** Where the insertion `id` ends. */
export const changeEnd = (id: string): string => `<text:change-end text:change-id="${id}"/>`;
/** Where the deletion `id` was: its text lives in the tracked change's `removed`. */
export const deletionAt = (id: string): string => `<text:change text:change-id="${id}"/>`;

/** A comment on the passage up to `commentEnd(name)`; `resolved` sets LibreOffice's done state. */
export function comment(c: { name: string; author: string; date: string; text: string; resolved?: boolean }): string {
  return (
    `<office:annotation office:name="${c.name}"${c.resolved ? ' loext:resolved="true"' : ""}>` +
    `<dc:creator>${t(c.author)}</dc:creator><dc:date>${c.date}</dc:date>${p(t(c.text))}</office:annotation>`
  );
}
/** The end of the commented passage. */
export const commentEnd = (name: string): string => `<office:annotation-end office:name="${name}"/>`;

/** Authors and dates of the sample's tracked changes and comments. */
export const ANNA = { author: "Anna Amrein", date: "2024-03-01T10:00:00" };
/** The second author of the samples. */
export const BRUNO = { author: "Bruno Berset", date: "2024-03-02T11:30:00" };

/**
 * One document with everything the reader imports: headings, marks, a link, a line break,
 * lists (levels, a restart, a start at 3), a table with a header row and merged cells,
 * tracked changes by two authors (in text, a table cell, a list item, a new paragraph and a
 * paragraph join), comments with a reply and a resolved one, language de-CH.
 */
export function sampleFodt(options: { comments?: boolean } = {}): string {
  const withComments = options.comments ?? true;
  const changes: TrackedChange[] = [
    { id: "ct1", kind: "insertion", ...ANNA },
    { id: "ct2", kind: "deletion", ...BRUNO, removed: p("alte ") },
    { id: "ct3", kind: "insertion", ...ANNA },
    { id: "ct4", kind: "deletion", ...BRUNO, removed: p("nicht ") },
    { id: "ct5", kind: "insertion", ...ANNA },
    { id: "ct6", kind: "deletion", ...BRUNO, removed: p("") + p("") },
  ];
  const body = [
    h(1, "Ziele"),
    p(`Das ${bold("fette")}, ${italic("kursive")}, ${underline("unterstrichene")} und ${strike("gestrichene")} Wort.`),
    h(2, "Wirkung"),
    p(
      `Die ${changeStart("ct1")}neue ${changeEnd("ct1")}Regel ersetzt die ${deletionAt("ct2")}Praxis` +
        `${lineBreak}zweite Zeile mit ${link("https://www.sem.admin.ch/", "Website des SEM")}.`,
    ),
    h(3, "Massnahmen"),
    bullets(["Punkt eins", { text: "Punkt zwei", children: ["Unterpunkt"] }, `Punkt ${deletionAt("ct4")}drei`]),
    numbered(["Erstens", "Zweitens"]),
    numbered(["Neu eins", "Neu zwei"]),
    numbered([{ text: "Drittens", start: 3 }, "Viertens"]),
    table(
      "Tabelle1",
      3,
      [["Ziel", "Massnahme", "Frist"]],
      [
        [{ text: "Zusammen", colspan: 2 }, "covered", { text: "2025", rowspan: 2 }],
        [`Zelle ${changeStart("ct3")}ergänzt${changeEnd("ct3")}`, "B", "covered"],
      ],
    ),
    p(`Absatz davor${changeStart("ct5")}`),
    p(`Neuer Absatz${changeEnd("ct5")}`),
    p(`Erster Teil ${deletionAt("ct6")}zweiter Teil`),
    withComments
      ? p(
          `${comment({ name: "k1", ...ANNA, text: "Bitte prüfen." })}${comment({ name: "k2", ...BRUNO, text: "Geprüft." })}` +
            `Wirkungsziel${commentEnd("k1")}${commentEnd("k2")} und ${comment({ name: "k3", ...BRUNO, text: "Erledigt.", resolved: true })}Frist${commentEnd("k3")}.`,
        )
      : p("Wirkungsziel und Frist."),
  ].join("\n");
  return fodt(body, { changes, language: ["de", "CH"] });
}

const W_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml"';

/** The parts of a small DOCX written to the OOXML spec by a test, for what LibreOffice does not write. */
export interface SpecParts {
  /** The content of `w:body`. */
  body: string;
  /** The content of `w:styles`. */
  styles?: string;
  /** The content of `w:numbering`. */
  numbering?: string;
  /** The content of `w:comments`. */
  comments?: string;
  /** The content of `w15:commentsEx`. */
  commentsExtended?: string;
  /** `Relationship` elements of document.xml.rels. */
  relationships?: string;
  /** Further entries by name (headers, footers, media). */
  extra?: Record<string, string>;
}

/** The entries of a spec-written DOCX, by name, as XML text: a test may break one before zipping. */
export function specEntries(parts: SpecParts): Record<string, string> {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const entries: Record<string, string> = {
    "[Content_Types].xml": `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    "_rels/.rels": `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    "word/document.xml": `${xml}<w:document ${W_NS}><w:body>${parts.body}</w:body></w:document>`,
    "word/_rels/document.xml.rels": `${xml}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${parts.relationships ?? ""}</Relationships>`,
  };
  if (parts.styles !== undefined) entries["word/styles.xml"] = `${xml}<w:styles ${W_NS}>${parts.styles}</w:styles>`;
  if (parts.numbering !== undefined)
    entries["word/numbering.xml"] = `${xml}<w:numbering ${W_NS}>${parts.numbering}</w:numbering>`;
  if (parts.comments !== undefined)
    entries["word/comments.xml"] = `${xml}<w:comments ${W_NS}>${parts.comments}</w:comments>`;
  if (parts.commentsExtended !== undefined)
    entries["word/commentsExtended.xml"] = `${xml}<w15:commentsEx ${W_NS}>${parts.commentsExtended}</w15:commentsEx>`;
  return { ...entries, ...parts.extra };
}

/** A small DOCX written to the spec, zipped with fflate. */
export function specDocx(parts: SpecParts): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(specEntries(parts)).map(([name, text]) => [name, strToU8(text)])));
}

/** A paragraph of WordprocessingML with plain runs, for spec-written tests. */
export const wp = (inner: string, pPr = ""): string => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${inner}</w:p>`;
/** A run of plain text (with optional run properties). */
export const wr = (text: string, rPr = ""): string =>
  `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${t(text)}</w:t></w:r>`;

/**
 * Paragraph-level tracked changes where exports and imports go wrong: an insertion in a
 * heading, a new list item, a deleted paragraph, a deleted list item, a new last paragraph.
 */
export function paragraphChangesFodt(): string {
  const changes: TrackedChange[] = [
    { id: "a1", kind: "insertion", ...ANNA },
    { id: "a2", kind: "deletion", ...BRUNO, removed: p("Ganzer Absatz weg") + p("") },
    { id: "a3", kind: "insertion", ...ANNA },
    { id: "a4", kind: "deletion", ...BRUNO, removed: p("Zeile weg") + p("") },
    { id: "a5", kind: "insertion", ...BRUNO },
  ];
  const body = [
    h(1, `Titel ${changeStart("a3")}neu${changeEnd("a3")}`),
    bullets([`Eins${changeStart("a1")}`, `Eingefügt${changeEnd("a1")}`, "Drei"]),
    p("Davor"),
    p(`${deletionAt("a2")}Danach`),
    numbered(["Erstens", `${deletionAt("a4")}Zweitens`]),
    p(`Ende${changeStart("a5")}`),
    p(`Ganz neu${changeEnd("a5")}`),
  ].join("\n");
  return fodt(body, { changes });
}

/** A 1×1 PNG, for an image LibreOffice writes into the DOCX. */
const PIXEL = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

/**
 * A document with everything the reader does not import: an image, a footnote, an endnote,
 * fields (a date and a page number), a text box, a header and a footer.
 */
export function skippedFodt(): string {
  const body = [
    p(
      `Bild <draw:frame draw:name="Bild1" text:anchor-type="as-char" svg:width="1cm" svg:height="1cm"><draw:image><office:binary-data>${PIXEL}</office:binary-data></draw:image></draw:frame> im Text.`,
    ),
    p(
      'Mit Fussnote<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body>' +
        `${p("Die Fussnote.")}</text:note-body></text:note> und Endnote<text:note text:id="edn1" text:note-class="endnote">` +
        `<text:note-citation>i</text:note-citation><text:note-body>${p("Die Endnote.")}</text:note-body></text:note>.`,
    ),
    p(
      'Stand <text:date style:data-style-name="N37" text:date-value="2024-01-01">01.01.2024</text:date>, Seite <text:page-number text:select-page="current">1</text:page-number>.',
    ),
    p(
      `Kasten <draw:frame draw:name="Rahmen1" text:anchor-type="paragraph" svg:width="4cm" svg:height="1cm"><draw:text-box>${p("Im Kasten")}</draw:text-box></draw:frame>danach.`,
    ),
  ].join("\n");
  return fodt(body, { header: "Kopfzeile", footer: "Fusszeile" });
}
