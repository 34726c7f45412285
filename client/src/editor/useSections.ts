import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { readSectionStatuses, type Section, type SectionEntry, sectionsOf } from "../../../shared/sections/sections.ts";

/** The document's sections and their statuses, live from the Y.Doc (the server writes the statuses). */
export function useSections(ydoc: Y.Doc): { sections: Section[]; statuses: Map<string, SectionEntry> } {
  const read = () => ({ sections: sectionsOf(ydoc), statuses: readSectionStatuses(ydoc) });
  const [state, setState] = useState(read);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read depends on ydoc only
  useEffect(() => {
    const update = () => setState(read());
    ydoc.on("update", update);
    update();
    return () => ydoc.off("update", update);
  }, [ydoc]);
  return state;
}
