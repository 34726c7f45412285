import { child, elements, onOff, valOf, type XmlElement } from "./xml.ts";

/** The character formatting Accord keeps; undefined means "not said here, inherit". */
export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
}

/** A paragraph's list membership as `w:numPr` gives it. */
export interface NumPr {
  numId: string;
  ilvl: number;
}

/** What the reader needs from styles.xml, resolved through `w:basedOn` chains. */
export interface Styles {
  /** Outline level (0-based) of a paragraph style, inherited; null when the style is no heading. */
  outlineLevel(styleId: string | undefined): number | null;
  /** Run formatting a paragraph style gives its text. */
  paragraphRun(styleId: string | undefined): RunProps;
  /** Run formatting of a character style. */
  characterRun(styleId: string | undefined): RunProps;
  /** List membership a paragraph style gives (Word's "List Bullet" and the like). */
  paragraphNumPr(styleId: string | undefined): NumPr | null;
  /** The paragraph style used when a paragraph names none. */
  defaultParagraph: string | undefined;
  /** The document's language as BCP 47, from the defaults' `w:lang`. */
  language: string | null;
}

/** Longest `w:basedOn` chain followed: a loop or an absurd chain ends here. */
const MAX_CHAIN = 32;

/** The run formatting `w:rPr` states; `w:rPrChange` holds the old formatting and is ignored (the new one is kept). */
export function runPropsOf(rPr: XmlElement | undefined): RunProps {
  if (!rPr) return {};
  const props: RunProps = {};
  const bold = onOff(rPr, "w:b");
  const italic = onOff(rPr, "w:i");
  const strike = onOff(rPr, "w:strike") ?? onOff(rPr, "w:dstrike");
  const u = valOf(rPr, "w:u");
  if (bold !== undefined) props.bold = bold;
  if (italic !== undefined) props.italic = italic;
  if (strike !== undefined) props.strike = strike;
  if (u !== undefined) props.underline = !["none", "0", "false", "off"].includes(u.toLowerCase());
  return props;
}

/** `later` over `earlier`: what a layer states wins, what it leaves out is inherited. */
export const historyRunsProps = (earlier: RunProps, later: RunProps): RunProps => ({ ...earlier, ...later });

/** The `w:numPr` of a `w:pPr`, if it names a list. */
export function numPrOf(pPr: XmlElement | undefined): NumPr | null | undefined {
  const numPr = child(pPr, "w:numPr");
  if (!numPr) return undefined;
  const numId = valOf(numPr, "w:numId");
  if (numId === undefined) return undefined;
  // numId 0 removes the list a style would give.
  if (numId === "0") return null;
  const ilvl = Number.parseInt(valOf(numPr, "w:ilvl") ?? "0", 10);
  return { numId, ilvl: Number.isFinite(ilvl) ? Math.min(8, Math.max(0, ilvl)) : 0 };
}

/** A `w:outlineLvl` of 0–8 (9 is Word's "body text"). */
export function outlineLevelOf(pPr: XmlElement | undefined): number | null | undefined {
  const value = valOf(pPr, "w:outlineLvl");
  if (value === undefined) return undefined;
  const level = Number.parseInt(value, 10);
  return Number.isInteger(level) && level >= 0 && level <= 8 ? level : null;
}

/** Reads styles.xml (absent: no styles, so no headings but direct outline levels). */
export function readStyles(root: XmlElement | undefined): Styles {
  const byId = new Map<string, XmlElement>();
  let defaultParagraph: string | undefined;
  for (const style of elements(root, "w:style")) {
    const id = style.attrs["w:styleId"];
    if (id === undefined || byId.has(id)) continue;
    byId.set(id, style);
    const flag = style.attrs["w:default"];
    if (style.attrs["w:type"] === "paragraph" && (flag === "1" || flag === "true" || flag === "on"))
      defaultParagraph ??= id;
  }

  /** The chain from a style to its root ancestor, each style once. */
  const chain = (styleId: string | undefined): XmlElement[] => {
    const out: XmlElement[] = [];
    const seen = new Set<string>();
    let id = styleId;
    while (id !== undefined && !seen.has(id) && out.length < MAX_CHAIN) {
      seen.add(id);
      const style = byId.get(id);
      if (!style) break;
      out.push(style);
      id = valOf(style, "w:basedOn");
    }
    return out;
  };

  const memo = <T>(compute: (id: string | undefined) => T) => {
    const cache = new Map<string | undefined, T>();
    return (id: string | undefined): T => {
      if (!cache.has(id)) cache.set(id, compute(id));
      return cache.get(id) as T;
    };
  };

  const defaultsRPr = child(child(child(root, "w:docDefaults"), "w:rPrDefault"), "w:rPr");
  const styleRun = (id: string | undefined) =>
    chain(id)
      .reverse()
      .reduce<RunProps>((props, style) => historyRunsProps(props, runPropsOf(child(style, "w:rPr"))), {});
  const paragraphRun = memo((id) => historyRunsProps(runPropsOf(defaultsRPr), styleRun(id)));
  const characterRun = memo(styleRun);
  const outlineLevel = memo((id) => {
    for (const style of chain(id)) {
      const level = outlineLevelOf(child(style, "w:pPr"));
      if (level !== undefined) return level;
      // Word's built-in "heading 1" … "heading 9" have their outline level by definition, written or not.
      const builtIn = /^heading ([1-9])$/i.exec(valOf(style, "w:name") ?? "");
      if (builtIn) return Number(builtIn[1]) - 1;
    }
    return null;
  });
  const paragraphNumPr = memo((id) => {
    for (const style of chain(id)) {
      const numPr = numPrOf(child(style, "w:pPr"));
      if (numPr !== undefined) return numPr;
    }
    return null;
  });
  const langOf = (rPr: XmlElement | undefined) => child(rPr, "w:lang")?.attrs["w:val"] || undefined;
  const language =
    langOf(defaultsRPr) ??
    chain(defaultParagraph)
      .map((style) => langOf(child(style, "w:rPr")))
      .find((l) => l !== undefined) ??
    null;

  return {
    outlineLevel: (id) => outlineLevel(id ?? defaultParagraph),
    paragraphRun: (id) => paragraphRun(id ?? defaultParagraph),
    characterRun: (id) => (id === undefined ? {} : characterRun(id)),
    paragraphNumPr: (id) => paragraphNumPr(id ?? defaultParagraph),
    defaultParagraph,
    language: language && /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(language) ? language : null,
  };
}
