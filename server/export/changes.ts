/** Who made a tracked change or a comment and when, as an export prints it. */
export interface ChangeOrigin {
  name: string;
  /** ISO 8601 (UTC). */
  at: string;
}

/**
 * Resolves the id of a change mark (`insertion`, `deletion`, `modification`) to its origin:
 * a pending suggestion's suggester and time (or its Word author and date when it was
 * imported), a comparison's change to the person whose update made it and that update's time.
 */
export type Attribution = (markId: unknown) => ChangeOrigin;

/** One comment or reply as exports print it. */
export interface ExportComment {
  id: string;
  author: string;
  at: string;
  text: string;
}

/**
 * An open or resolved comment thread of the exported text. `range` is where it is anchored,
 * as ProseMirror positions in the exported document (absent when its passage was deleted).
 */
export interface ExportThread extends ExportComment {
  quote: string;
  resolved: boolean;
  replies: ExportComment[];
  range?: { from: number; to: number };
}
