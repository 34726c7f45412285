import { describe, expect, it } from "vitest";
import { de } from "./de.ts";
import { en } from "./en.ts";
import { flatten } from "./flatten.ts";
import { fr } from "./fr.ts";
import { it as italian } from "./it.ts";

const PLURAL = /_(zero|one|two|few|many|other)$/;

/** The `{{x}}` variables of a string, sorted. */
const variables = (text: string) => [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const german = flatten(de);
const base = (key: string) => key.replace(PLURAL, "");
const germanPluralBases = new Set([...german.keys()].filter((k) => PLURAL.test(k)).map(base));

/**
 * The keys a language must have: de's keys, where every plural of de carries the plural
 * forms the language's own rules use (i18next asks for `_many` in French and Italian), plus
 * `_zero` wherever de has it (i18next's special form for 0, in every language).
 */
function expectedKeys(lang: string): Set<string> {
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const keys = new Set([...german.keys()].filter((k) => !PLURAL.test(k)));
  for (const b of germanPluralBases) {
    for (const c of categories) keys.add(`${b}_${c}`);
    if (german.has(`${b}_zero`)) keys.add(`${b}_zero`);
  }
  return keys;
}

/** De's string a translated key corresponds to (`_many` and the like to de's `_other`). */
const germanFor = (key: string) => german.get(key) ?? german.get(`${base(key)}_other`);

/**
 * Strings a language writes exactly as German does: names, numbers, abbreviations and words
 * both languages share. Any other string equal to German is a translation left out (the
 * browser walk in tests/e2e/languages.test.ts cannot tell such a copy from a shared word).
 */
const SHARED = ["Accord", "Deutsch", "Français", "Italiano", "English", "2024–2027", "–", "{{from}}–{{to}}"];
const WRITTEN_ALIKE: Record<"fr" | "it" | "en", string[]> = {
  fr: [...SHARED, "• Liste", "1. Liste", "Version", "Total", "Administration", "Organisation"],
  it: [...SHARED, "Link", "{{party}}: {{status}}", "in Word: {{name}}, {{date}}", "in Word: {{name}}"],
  en: [
    ...SHARED,
    "System",
    "Link",
    "Text",
    "H1",
    "H2",
    "H3",
    "Export",
    "Version {{seq}}: {{label}}",
    "Person",
    "Version",
    "{{party}}: {{status}}",
    "Status {{party}}",
    "Total",
    "Administration",
    "Organisation",
    "Name",
    "Status",
    "Name (optional)",
    "in Word: {{name}}, {{date}}",
    "in Word: {{name}}",
  ],
};

describe.each([
  ["fr", fr],
  ["it", italian],
  ["en", en],
] as const)("the %s catalogue", (lang, catalogue) => {
  const strings = flatten(catalogue);
  const expected = expectedKeys(lang);

  it("has every key of the German catalogue, in the plural forms its language uses", () => {
    expect([...expected].filter((k) => !strings.has(k))).toEqual([]);
  });

  it("has no key the German catalogue does not have", () => {
    expect([...strings.keys()].filter((k) => !expected.has(k))).toEqual([]);
  });

  it("uses the same interpolation variables as German in every string", () => {
    const differing = [...strings].filter(([key, text]) => {
      const reference = germanFor(key);
      return reference !== undefined && variables(reference).join() !== variables(text).join();
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it("translates every string but the few written alike", () => {
    const alike = [...strings].filter(([key, text]) => german.get(key) === text && !WRITTEN_ALIKE[lang].includes(text));
    expect(alike.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it("leaves no string empty", () => {
    expect([...strings].filter(([, text]) => text.trim() === "").map(([key]) => key)).toEqual([]);
  });
});

describe("the German catalogue", () => {
  it("gives every plural an _one and an _other form", () => {
    const missing = [...germanPluralBases].flatMap((b) =>
      ["one", "other"].filter((c) => !german.has(`${b}_${c}`)).map((c) => `${b}_${c}`),
    );
    expect(missing).toEqual([]);
  });
});
