import { z } from "zod";

/** One change of a comparison as the client shows it: what it is, who made it, when (ISO 8601). */
export const ComparisonChange = z.object({
  kind: z.enum(["insertion", "deletion", "modification"]),
  name: z.string().max(400),
  at: z.string().max(64),
});
export type ComparisonChange = z.infer<typeof ComparisonChange>;

/**
 * `GET /api/documents/:id/comparison?from=…&to=…`: the redline (shared/versions/redline.ts)
 * as ProseMirror JSON, and the change behind each of its mark ids.
 */
export const ComparisonView = z.object({
  doc: z.unknown(),
  changes: z.record(z.string(), ComparisonChange),
});
export type ComparisonView = z.infer<typeof ComparisonView>;
