import type { DocumentSummary, Organisation } from "../../../../shared/api/schemas.ts";

/** One programme: a canton's documents (canton null for documents without a canton party). */
export interface ProgrammeGroup<D extends DocumentSummary = DocumentSummary> {
  canton: Organisation | null;
  documents: D[];
}

/**
 * The documents grouped by the canton that is their party, groups ordered by the canton's
 * name in `language` (`nameOf`), documents kept in the order given; those without a canton last.
 */
export function byProgramme<D extends DocumentSummary>(
  documents: readonly D[],
  nameOf: (org: Organisation) => string,
): ProgrammeGroup<D>[] {
  const groups = new Map<string, ProgrammeGroup<D>>();
  for (const doc of documents) {
    const canton = doc.parties.find((p) => p.role === "canton")?.organisation ?? null;
    const key = canton?.id ?? "";
    const group: ProgrammeGroup<D> = groups.get(key) ?? { canton, documents: [] };
    group.documents.push(doc);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) =>
    a.canton === null ? 1 : b.canton === null ? -1 : nameOf(a.canton).localeCompare(nameOf(b.canton)),
  );
}
