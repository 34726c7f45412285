import { z } from "zod";

/**
 * One result of `GET /api/documents/:id/checks`. Clients show it by `id` and `params` in
 * the reader's language; `message` is an English fallback. `where` points at what it is about.
 */
export const CheckResult = z.object({
  id: z.string(),
  ok: z.boolean(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  where: z
    .object({
      kind: z.enum(["section", "suggestion", "thread", "grid"]),
      id: z.string(),
    })
    .nullable(),
});
export type CheckResult = z.infer<typeof CheckResult>;

/** The check ids the server knows today. */
export const CHECK_IDS = [
  "sections.unsettled",
  "finance.matching",
  "goals.empty",
  "suggestions.open",
  "threads.open",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];
