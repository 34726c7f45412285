import type { fourEyesDe, fourEyesErrorsDe } from "./fourEyes.de.ts";
import type { Translation } from "./Translation.ts";

/** Italian texts of the approval confirmation, four eyes and signing authority. */
export const fourEyesIt: Pick<Translation, keyof typeof fourEyesDe> = {
  fourEyes: {
    confirmTitle: "Confermare la decisione",
    confirmApprove: "Approva per {{org}}:",
    confirmReject: "Respinge per {{org}}:",
    milestone: "Tappa",
    version: "Versione",
    versionValue: "n. {{seq}}, congelata il {{at}} da {{name}}",
    hash: "Hash del contenuto",
    showHash: "Mostrare l’hash completo",
    openItems: "Punti aperti",
    noOpenItems: "nessuno",
    openSuggestions_one: "{{count}} proposta aperta",
    openSuggestions_many: "{{count}} proposte aperte",
    openSuggestions_other: "{{count}} proposte aperte",
    openThreads_one: "{{count}} commento aperto",
    openThreads_many: "{{count}} commenti aperti",
    openThreads_other: "{{count}} commenti aperti",
    reason: "Motivazione",
    signatories: "Firmato da",
    confirmSend: "Confermare in modo vincolante",
    cancel: "Annulla",
    ownRequest:
      "Principio dei quattro occhi: ha richiesto questa tappa e non può approvarla personalmente per {{org}}. Può respingerla (ritirando così la richiesta).",
    othersCan: "Possono approvare: {{names}}",
    nobodyElse: "Nessun altro della sua organizzazione ha diritti di modifica su questo documento; inviti una persona.",
    pickSignatories: "Scelga una o due persone della sua organizzazione con diritto di firma.",
    pickLimit: "Al massimo {{count}} persone.",
    noSignatories:
      "Nessuna persona della sua organizzazione membro di questo documento ha diritto di firma. L’amministrazione può attribuirlo.",
    signingAuthority: "Diritto di firma",
  },
};

/** Italian messages of the four-eyes and signatory error codes. */
export const fourEyesErrorsIt: typeof fourEyesErrorsDe = {
  four_eyes: "Principio dei quattro occhi: chi ha richiesto la tappa non può approvarla per la propria organizzazione.",
  invalid_signatory:
    "Una persona scelta non può firmare (sconosciuta, disattivata, di un’altra organizzazione, non membro del documento o senza diritto di firma).",
};
