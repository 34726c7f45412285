import type { ImportReport, SkippedKind } from "../imported.ts";

type ImportedKind = keyof ImportReport["imported"];

/** Counts what the reader keeps and, by kind, what it does not, so nothing is dropped without a count. */
export class ReportCounter {
  private readonly imported: ImportReport["imported"] = {
    paragraphs: 0,
    headings: 0,
    listItems: 0,
    tables: 0,
    links: 0,
    insertions: 0,
    deletions: 0,
    threads: 0,
    replies: 0,
  };
  private readonly skipped: Partial<Record<SkippedKind, number>> = {};

  /** One more (or `n` more) of something kept. */
  keep(kind: ImportedKind, n = 1): void {
    this.imported[kind] += n;
  }

  /** One more (or `n` more) of something not carried over. */
  skip(kind: SkippedKind, n = 1): void {
    if (n > 0) this.skipped[kind] = (this.skipped[kind] ?? 0) + n;
  }

  /** The report as ImportedDocx carries it. */
  report(): ImportReport {
    return { imported: { ...this.imported }, skipped: { ...this.skipped } };
  }
}
