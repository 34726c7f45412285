import { AlignmentType, type INumberingOptions, LevelFormat } from "docx";

const LEVELS = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const BULLETS = ["•", "◦", "▪"];

/** Where a paragraph is in a list: the list's own numbering reference and its nesting level. */
export interface ListPlace {
  reference: string;
  level: number;
}

/**
 * The document's lists as Word numbering: one abstract definition and one w:num per list
 * the document has (a nested list too), so a list that the document starts anew restarts at
 * its own `start` instead of continuing the previous one. The docx library writes the
 * w:abstractNum elements before the w:num ones with ids counted from 1, as Word requires.
 */
export class ListNumbering {
  private readonly config: INumberingOptions["config"][number][] = [];

  /** A new list of `kind` at nesting `level`, its first item numbered `start`. */
  add(kind: "bullet" | "ordered", level: number, start: number): ListPlace {
    const reference = `list-${this.config.length + 1}`;
    this.config.push({
      reference,
      levels: LEVELS.map((l) => ({
        level: l,
        format: kind === "bullet" ? LevelFormat.BULLET : LevelFormat.DECIMAL,
        text: kind === "bullet" ? (BULLETS[l % BULLETS.length] ?? "•") : `%${l + 1}.`,
        alignment: AlignmentType.LEFT,
        start: l === level ? start : 1,
        style: { paragraph: { indent: { left: 720 * (l + 1), hanging: 360 } } },
      })),
    });
    return { reference, level };
  }

  /** The numbering part's options for the docx library. */
  get options(): INumberingOptions {
    return { config: this.config };
  }
}
