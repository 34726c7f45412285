/**
 * The fixed vocabulary of the KIP 3 grids (../shared/domain/KIP3.md §0.3): the seven
 * Förderbereiche with their official names, the finance sources and the programme years.
 * Both grids and every check read these lists; node attributes are bounded to them.
 */

/** The seven KIP 3 Förderbereiche, in the KdK order, with their official German names. */
export const FOERDERBEREICHE = [
  { id: "fb1", name: "Information, Abklärung Integrationsbedarf und Beratung" },
  { id: "fb2", name: "Sprache" },
  { id: "fb3", name: "Ausbildungs- und Arbeitsmarktfähigkeit" },
  { id: "fb4", name: "Frühe Kindheit" },
  { id: "fb5", name: "Zusammenleben und Partizipation" },
  { id: "fb6", name: "Umgang mit Vielfalt und Diskriminierungsschutz" },
  { id: "fb7", name: "Dolmetschen" },
] as const;

/** Id of a Förderbereich (`fb1` … `fb7`). */
export type AreaId = (typeof FOERDERBEREICHE)[number]["id"];

/** The Förderbereich ids in order. */
export const AREA_IDS: readonly AreaId[] = FOERDERBEREICHE.map((a) => a.id);

/** The finance grid's columns: Bund (Integrationsförderkredit), Kanton, Gemeinden, Dritte. */
export const SOURCES = ["bund", "kanton", "gemeinden", "dritte"] as const;

/** One funding source of the finance grid. */
export type Source = (typeof SOURCES)[number];

/** The years of KIP 3; the finance grid has one table per year. */
export const YEARS = [2024, 2025, 2026, 2027] as const;

/** The goal grid's columns, in order (Ziel, Massnahme, Indikator, Zuständigkeit, Zielwert). */
export const GOAL_FIELDS = ["goal", "measure", "indicator", "responsibility", "target"] as const;

/** A goal grid column. */
export type GoalField = (typeof GOAL_FIELDS)[number];

/** The grid kinds a table can be. */
export const GRID_KINDS = ["finance", "goals"] as const;

/** Fields a grid cell can be: the row label of the finance grid, an amount, or a goal column. */
export const CELL_FIELDS = ["area", "amount", ...GOAL_FIELDS] as const;

/**
 * Whether the communes' (Gemeinden) contribution counts towards the canton's side of the
 * matching rule (VIntA Art. 16: the cantonal spending, which in most KIPs includes what the
 * communes pay in; the Grundlagenpapier leaves this to the template). Default: counted.
 */
export const COMMUNES_COUNT_TOWARDS_MATCHING = true;
