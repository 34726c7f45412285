import i18next from "i18next";
import { describe, expect, it } from "vitest";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { fr } from "./fr.ts";
import { it as italian } from "./it.ts";

/** A real i18next over the app's catalogues, as i18n.ts configures it (no fallback needed). */
async function translator(lng: string) {
  const instance = i18next.createInstance();
  await instance.init({
    resources: {
      de: { translation: de },
      fr: { translation: fr },
      it: { translation: italian },
      en: { translation: en },
    },
    lng,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  return instance.t;
}

/** What VersionCard shows for a version frozen with open items. */
async function openItems(lng: string, suggestions: number, threads: number) {
  const t = await translator(lng);
  return t("versions.openItems", {
    suggestions: t("versions.openSuggestions", { count: suggestions }),
    threads: t("versions.openThreads", { count: threads }),
  });
}

describe("counts in the UI follow each language's plural rules", () => {
  it("says 1 open suggestion in the singular and 2 comments in the plural", async () => {
    expect(await openItems("de", 1, 2)).toBe("Mit 1 offenen Vorschlag und 2 offenen Kommentaren eingefroren.");
    expect(await openItems("fr", 1, 2)).toBe("Figée avec 1 suggestion ouverte et 2 commentaires ouverts.");
    expect(await openItems("it", 1, 2)).toBe("Congelata con 1 proposta aperta e 2 commenti aperti.");
    expect(await openItems("en", 1, 2)).toBe("Frozen with 1 open suggestion and 2 open comments.");
  });

  it("uses French and Italian's own form for large counts, which German lacks", async () => {
    expect(await openItems("fr", 1_000_000, 0)).toBe(
      "Figée avec 1000000 suggestions ouvertes et 0 commentaire ouvert.",
    );
    expect(await openItems("it", 1_000_000, 0)).toBe("Congelata con 1000000 proposte aperte e 0 commenti aperti.");
  });

  it("names a single difference without 'the first 1'", async () => {
    for (const [lng, one, many] of [
      ["de", "Abweichende Stelle", "Abweichende Stellen (die ersten 5)"],
      ["fr", "Passage divergent", "Passages divergents (les 5 premiers)"],
      ["it", "Passaggio divergente", "Passaggi divergenti (i primi 5)"],
      ["en", "Differing passage", "Differing passages (the first 5)"],
    ] as const) {
      const t = await translator(lng);
      expect([t("verify.differences", { count: 1 }), t("verify.differences", { count: 5 })]).toEqual([one, many]);
    }
  });
});

describe("counts of notifications (issue 16)", () => {
  it("counts the bell's unread entries and what waits in a document in each language", async () => {
    for (const [lng, bell, replies] of [
      ["de", ["1 ungelesene Benachrichtigung", "2 ungelesene Benachrichtigungen"], ["1 Antwort", "2 Antworten"]],
      ["fr", ["1 notification non lue", "2 notifications non lues"], ["1 réponse", "2 réponses"]],
      ["it", ["1 notifica non letta", "2 notifiche non lette"], ["1 risposta", "2 risposte"]],
      ["en", ["1 unread notification", "2 unread notifications"], ["1 reply", "2 replies"]],
    ] as const) {
      const t = await translator(lng);
      expect([t("inbox.bell", { count: 1 }), t("inbox.bell", { count: 2 })]).toEqual(bell);
      expect([t("waiting.replies", { count: 1 }), t("waiting.replies", { count: 2 })]).toEqual(replies);
    }
    expect((await translator("fr"))("waiting.suggestions", { count: 1_000_000 })).toBe("1000000 nouvelles suggestions");
  });
});
