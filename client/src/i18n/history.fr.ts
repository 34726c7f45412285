import type { historyDe } from "./history.de.ts";
import type { Translation } from "./Translation.ts";

/** French texts of the Verlauf (historique). */
export const historyFr: Pick<Translation, keyof typeof historyDe> = {
  history: {
    title: "Historique",
    show: "Afficher l'historique",
    hide: "Masquer l'historique",
    refresh: "Actualiser",
    empty: "Aucune modification pour l'instant.",
    loading: "Chargement de l'historique …",
    system: "Système",
    span: "{{from}}–{{to}}",
    open: "Afficher les modifications",
    entryTitle: "Modifications de {{names}}, {{day}} {{span}}",
    restore: "Rétablir cet état",
    confirmTitle: "Rétablir cet état ?",
    confirmText:
      "Le texte sera remis dans l'état qui suivait ces modifications ({{day}} {{span}}). Cela se fait par une nouvelle modification en votre nom ; l'historique est entièrement conservé.",
    confirm: "Rétablir",
    cancel: "Annuler",
    restored: "L'état a été rétabli par une nouvelle modification.",
    entries_one: "{{count}} entrée",
    entries_other: "{{count}} entrées",
    entries_many: "{{count}} entrées",
  },
};
