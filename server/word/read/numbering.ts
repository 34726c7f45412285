import { elements, valOf, type XmlElement } from "./xml.ts";

/** One level of a list definition, as a paragraph using it sees it. */
export interface ListLevel {
  /** The `w:abstractNum` whose counters the level shares (two `w:num` of one definition count on). */
  abstractId: string;
  /** Numbered (decimal, letters, roman …) rather than bulleted. */
  ordered: boolean;
  /** The number the level starts at. */
  start: number;
  /** The `w:num` restarts this level (`w:lvlOverride/w:startOverride`): a new list begins. */
  restart: boolean;
}

/** The list definitions of numbering.xml. */
export interface Numbering {
  /** The level `ilvl` of list instance `numId`, or null when the file defines none. */
  level(numId: string, ilvl: number): ListLevel | null;
}

/** Bulleted formats; `none` shows no label at all, closer to a bullet list than a numbered one. */
const UNNUMBERED = new Set(["bullet", "none"]);

const startOf = (el: XmlElement | undefined, name: string): number | undefined => {
  const value = Number.parseInt(valOf(el, name) ?? "", 10);
  return Number.isInteger(value) && value >= 0 ? value : undefined;
};

/** Reads numbering.xml: `w:num` → `w:abstractNum` (following `w:numStyleLink` once), levels, starts and overrides. */
export function readNumbering(root: XmlElement | undefined): Numbering {
  const abstracts = new Map<string, XmlElement>();
  const byStyleLink = new Map<string, string>();
  for (const abstract of elements(root, "w:abstractNum")) {
    const id = abstract.attrs["w:abstractNumId"];
    if (id === undefined || abstracts.has(id)) continue;
    abstracts.set(id, abstract);
    const styleLink = valOf(abstract, "w:styleLink");
    if (styleLink) byStyleLink.set(styleLink, id);
  }
  const nums = new Map<string, XmlElement>();
  for (const num of elements(root, "w:num")) {
    const id = num.attrs["w:numId"];
    if (id !== undefined && !nums.has(id)) nums.set(id, num);
  }
  const levelIn = (el: XmlElement | undefined, ilvl: number) =>
    elements(el, "w:lvl").find((l) => (l.attrs["w:ilvl"] ?? "0") === String(ilvl));

  return {
    level(numId, ilvl) {
      const num = nums.get(numId);
      let abstractId = valOf(num, "w:abstractNumId");
      if (abstractId === undefined) return null;
      // A definition that only links to a numbering style: the style's definition holds the levels.
      const link = valOf(abstracts.get(abstractId), "w:numStyleLink");
      if (link && byStyleLink.has(link)) abstractId = byStyleLink.get(link) as string;
      const abstract = abstracts.get(abstractId);
      const override = elements(num, "w:lvlOverride").find((o) => (o.attrs["w:ilvl"] ?? "0") === String(ilvl));
      const lvl = levelIn(override, ilvl) ?? levelIn(abstract, ilvl);
      if (!lvl && !abstract) return null;
      const format = valOf(lvl, "w:numFmt") ?? "decimal";
      const startOverride = startOf(override, "w:startOverride");
      const overrideStart = startOf(levelIn(override, ilvl), "w:start");
      return {
        abstractId,
        ordered: !UNNUMBERED.has(format),
        start: startOverride ?? overrideStart ?? startOf(lvl, "w:start") ?? 1,
        restart: startOverride !== undefined || overrideStart !== undefined,
      };
    },
  };
}
