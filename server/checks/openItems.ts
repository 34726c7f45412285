import type { CheckResult } from "../../shared/api/checks.ts";
import { type Check, passed } from "./Check.ts";

const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text).replace(/\u200B/g, "");

/** Open suggestions and open comment threads, one result each. */
export const openItemChecks: readonly Check[] = [
  {
    id: "suggestions.open",
    blocks: [],
    run: ({ open }) => {
      const failing = open.suggestions.map(
        (s): CheckResult => ({
          id: "suggestions.open",
          ok: false,
          message: "open suggestion",
          params: { inserted: excerpt(s.inserted), deleted: excerpt(s.deleted) },
          where: { kind: "suggestion", id: s.id },
        }),
      );
      return failing.length > 0 ? failing : [passed("suggestions.open", "no open suggestions")];
    },
  },
  {
    id: "threads.open",
    blocks: [],
    run: ({ open }) => {
      const failing = open.threads.map(
        (t): CheckResult => ({
          id: "threads.open",
          ok: false,
          message: "open comment thread",
          params: { quote: excerpt(t.quote) },
          where: { kind: "thread", id: t.id },
        }),
      );
      return failing.length > 0 ? failing : [passed("threads.open", "no open comment threads")];
    },
  },
];
