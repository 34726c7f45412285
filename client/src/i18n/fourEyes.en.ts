import type { fourEyesDe, fourEyesErrorsDe } from "./fourEyes.de.ts";
import type { Translation } from "./Translation.ts";

/** English texts of the approval confirmation, four eyes and signing authority. */
export const fourEyesEn: Pick<Translation, keyof typeof fourEyesDe> = {
  fourEyes: {
    confirmTitle: "Confirm the decision",
    confirmApprove: "You approve for {{org}}:",
    confirmReject: "You reject for {{org}}:",
    milestone: "Milestone",
    version: "Version",
    versionValue: "no. {{seq}}, frozen on {{at}} by {{name}}",
    hash: "Content hash",
    showHash: "Show the full hash",
    openItems: "Open items",
    noOpenItems: "none",
    openSuggestions_one: "{{count}} open suggestion",
    openSuggestions_other: "{{count}} open suggestions",
    openThreads_one: "{{count}} open comment",
    openThreads_other: "{{count}} open comments",
    reason: "Reason",
    signatories: "Signed by",
    confirmSend: "Confirm",
    cancel: "Cancel",
    ownRequest:
      "Four eyes: you requested this milestone and cannot approve it yourself for {{org}}. You may reject it (and so withdraw the request).",
    othersCan: "Who can approve: {{names}}",
    nobodyElse: "Nobody else of your organisation may edit this document; invite someone.",
    pickSignatories: "Choose one or two people of your organisation who hold signing authority.",
    pickLimit: "At most {{count}} people.",
    noSignatories:
      "No member of this document in your organisation holds signing authority. Administrators can grant it.",
    signingAuthority: "Signing authority",
  },
};

/** English messages of the four-eyes and signatory error codes. */
export const fourEyesErrorsEn: typeof fourEyesErrorsDe = {
  four_eyes: "Four eyes: whoever requested the milestone cannot approve it for their own organisation.",
  invalid_signatory:
    "A chosen person cannot sign (unknown, deactivated, of another organisation, no member of the document or without signing authority).",
};
