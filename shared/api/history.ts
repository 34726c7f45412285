import { z } from "zod";

/** One entry of the Verlauf (GET /api/documents/:id/history), newest first. */
export const HistoryEntry = z.object({
  /** `<firstSeq>-<lastSeq>` of the update log: the entry's changes, and the state after them. */
  id: z.string(),
  users: z.array(z.object({ id: z.string(), name: z.string() })),
  from: z.string(),
  to: z.string(),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;
