import type { Catalogue } from "./de.ts";

/**
 * A complete translation: every key of the German catalogue, and beside each plural's `_other`
 * an optional `_many`, the form French and Italian use for large counts (catalogues.test.ts
 * requires the forms each language's plural rules use).
 */
export type Translation = WithMany<Catalogue>;

type WithMany<T> = { [K in keyof T]: T[K] extends string ? string : WithMany<T[K]> } & {
  [K in keyof T as K extends `${infer Base}_other` ? `${Base}_many` : never]?: string;
};
