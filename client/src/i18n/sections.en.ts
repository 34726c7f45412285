import type { sectionsDe, sectionsErrorsDe } from "./sections.de.ts";
import type { Translation } from "./Translation.ts";

/** English texts of the negotiation status per section and of the checks. */
export const sectionsEn: Pick<Translation, keyof typeof sectionsDe> = {
  sections: {
    status: { open: "open", discussion: "in discussion", settled: "settled" },
    bereinigt: "settled by both",
    partyStatus: "{{party}}: {{status}}",
    yourStatus: "Status {{party}}",
    failed: "The status was not saved.",
  },
  checks: {
    title: "Checks",
    refresh: "Refresh",
    allOk: "All done",
    loading: "Checking …",
    sectionsUnsettled: "Section “{{title}}” is not settled by both parties",
    sectionsOk: "Every section is settled by both parties",
    suggestionsOpen: "Open suggestion: “{{text}}”",
    suggestionsOk: "No open suggestions",
    threadsOpen: "Open comment on “{{quote}}”",
    threadsOk: "No open comments",
    unknown: "Check {{id}}",
    overrideLabel: "Reason for requesting it anyway",
    overrideHint: "The reason is recorded in the version and printed in every export.",
  },
};

/** English message of the checks error code. */
export const sectionsErrorsEn: typeof sectionsErrorsDe = {
  checks_failing:
    "Open checks block this milestone (e.g. sections not settled by both parties). Fix them or give a reason.",
};
