import type { historyDe } from "./history.de.ts";
import type { Translation } from "./Translation.ts";

/** Italian texts of the Verlauf (cronologia). */
export const historyIt: Pick<Translation, keyof typeof historyDe> = {
  history: {
    title: "Cronologia",
    show: "Mostra la cronologia",
    hide: "Nascondi la cronologia",
    refresh: "Aggiorna",
    empty: "Ancora nessuna modifica.",
    loading: "Caricamento della cronologia …",
    system: "Sistema",
    span: "{{from}}–{{to}}",
    open: "Mostra le modifiche",
    entryTitle: "Modifiche di {{names}}, {{day}} {{span}}",
    restore: "Ripristina questo stato",
    confirmTitle: "Ripristinare questo stato?",
    confirmText:
      "Il testo sarà riportato allo stato successivo a queste modifiche ({{day}} {{span}}). Ciò avviene con una nuova modifica a suo nome; la cronologia resta completa.",
    confirm: "Ripristina",
    cancel: "Annulla",
    restored: "Lo stato è stato ripristinato con una nuova modifica.",
    entries_one: "{{count}} voce",
    entries_other: "{{count}} voci",
    entries_many: "{{count}} voci",
  },
};
