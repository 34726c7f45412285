import type { fourEyesDe, fourEyesErrorsDe } from "./fourEyes.de.ts";
import type { Translation } from "./Translation.ts";

/** French texts of the approval confirmation, four eyes and signing authority. */
export const fourEyesFr: Pick<Translation, keyof typeof fourEyesDe> = {
  fourEyes: {
    confirmTitle: "Confirmer la décision",
    confirmApprove: "Vous approuvez pour {{org}} :",
    confirmReject: "Vous refusez pour {{org}} :",
    milestone: "Jalon",
    version: "Version",
    versionValue: "n° {{seq}}, figée le {{at}} par {{name}}",
    hash: "Hash du contenu",
    showHash: "Afficher le hash complet",
    openItems: "Points ouverts",
    noOpenItems: "aucun",
    openSuggestions_one: "{{count}} suggestion ouverte",
    openSuggestions_many: "{{count}} suggestions ouvertes",
    openSuggestions_other: "{{count}} suggestions ouvertes",
    openThreads_one: "{{count}} commentaire ouvert",
    openThreads_many: "{{count}} commentaires ouverts",
    openThreads_other: "{{count}} commentaires ouverts",
    reason: "Motif",
    signatories: "Signé par",
    confirmSend: "Confirmer définitivement",
    cancel: "Annuler",
    ownRequest:
      "Principe des quatre yeux : vous avez demandé ce jalon et ne pouvez pas l’approuver vous-même pour {{org}}. Vous pouvez le refuser (et retirer ainsi la demande).",
    othersCan: "Peuvent approuver : {{names}}",
    nobodyElse: "Personne d’autre de votre organisation n’a le droit de modifier ce document ; invitez une personne.",
    pickSignatories: "Choisissez une ou deux personnes de votre organisation ayant la signature.",
    pickLimit: "Au plus {{count}} personnes.",
    noSignatories:
      "Aucune personne de votre organisation membre de ce document n’a la signature. L’administration peut l’attribuer.",
    signingAuthority: "Droit de signature",
  },
};

/** French messages of the four-eyes and signatory error codes. */
export const fourEyesErrorsFr: typeof fourEyesErrorsDe = {
  four_eyes:
    "Principe des quatre yeux : la personne qui a demandé le jalon ne peut pas l’approuver pour sa propre organisation.",
  invalid_signatory:
    "Une personne choisie ne peut pas signer (inconnue, désactivée, d’une autre organisation, non membre du document ou sans droit de signature).",
};
