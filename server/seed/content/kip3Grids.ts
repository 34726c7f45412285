import type { JSONContent } from "@tiptap/core";
import { type AreaId, FOERDERBEREICHE, YEARS } from "../../../shared/finance/areas.ts";
import { financeGrid, type GoalRow, goalGrid } from "../../../shared/finance/build.ts";
import { bold, p } from "./builders.ts";

/** The demo's goals per Förderbereich (KIP 3 Solothurn, written for Accord's demo data). */
const GOALS: Record<AreaId, GoalRow[]> = {
  fb1: [
    {
      goal: "Neu Zugezogene kennen die wichtigsten Angebote ihrer Wohngemeinde",
      measure: "Leitfaden, Schulung der Integrationsbeauftragten",
      indicator: "Jährliche Gemeindebefragung",
      responsibility: "AGS / Einwohnergemeinden",
      target: "90 % der Gemeinden führen Erstinformationsgespräche durch",
    },
  ],
  fb2: [
    {
      goal: "Teilnehmende der vergünstigten Deutsch-Integrationskurse verbessern ihre Sprachkompetenz im Alltag und im Beruf messbar",
      measure: "Vergünstigung der Kurskosten, Qualitätsvorgaben nach fide, Kurse mit Kinderbetreuung",
      indicator: "Kursstatistik der Anbieter, Sprachstandserhebung am Kursende",
      responsibility: "AGS / Kursanbieter",
      target:
        "Jährlich mindestens 2'000 Teilnehmende in Kursen nach dem fide-Ansatz; 70 % erreichen das angestrebte Kursniveau",
    },
  ],
  fb3: [
    {
      goal: "Spät zugezogene Jugendliche und junge Erwachsene finden eine Anschlusslösung in der Berufsbildung oder im Arbeitsmarkt",
      measure: "Brückenangebote für spät Zugezogene, Potenzialabklärung, Koordination mit Berufsbildung und RAV",
      indicator: "Austrittsstatistik der Brückenangebote",
      responsibility: "AGS / Berufsbildung / RAV",
      target: "Jährlich 60 Plätze in Brückenangeboten; zwei Drittel der Absolvierenden haben eine Anschlusslösung",
    },
  ],
  fb4: [
    {
      goal: "Familien mit Migrationshintergrund kennen die Angebote der frühen Förderung und nutzen sie",
      measure:
        "Mehrsprachige Informationsmaterialien, Weiterbildung in früher Sprachförderung für Kitas und Spielgruppen",
      indicator: "Teilnehmendenstatistik der Weiterbildungen, Gemeindebefragung",
      responsibility: "AGS / Einwohnergemeinden / Kitas und Spielgruppen",
      target:
        "80 % der Gemeinden informieren Familien mit Kleinkindern mehrsprachig; jährlich 100 Fachpersonen weitergebildet",
    },
  ],
  fb5: [
    {
      goal: "Einheimische und Zugewanderte begegnen sich im Alltag und beteiligen sich am gesellschaftlichen Leben",
      measure: "Projektförderung nach Ausschreibung, Vernetzungstreffen mit Migrantenorganisationen",
      indicator: "Projektberichte, jährliche Auswertung der Projektförderung",
      responsibility: "AGS / Migrantenorganisationen / Einwohnergemeinden",
      target:
        "Jährlich mindestens 10 unterstützte Begegnungs- und Partizipationsprojekte, davon die Hälfte mit Migrantenorganisationen",
    },
  ],
  fb6: [
    {
      goal: "Betroffene von rassistischer Diskriminierung erhalten niederschwellig kompetente Beratung",
      measure:
        "Leistungsvereinbarung mit einer Beratungsstelle, Sensibilisierungsmodul für Mitarbeitende der Verwaltung",
      indicator: "Beratungsstatistik, Rückmeldungen der Teilnehmenden",
      responsibility: "AGS / Beratungsstelle",
      target:
        "Beratungsangebot im ganzen Kanton erreichbar; jährlich 2 Sensibilisierungsveranstaltungen für Verwaltung und Regelstrukturen",
    },
  ],
  fb7: [
    {
      goal: "Behörden, Schulen und Gesundheitswesen verständigen sich in wichtigen Gesprächen mit Hilfe qualifizierter interkulturell Dolmetschender",
      measure: "Leistungsvereinbarung mit der Vermittlungsstelle, Beteiligung an den Einsatzkosten gemäss Tarifen",
      indicator: "Einsatzstatistik der Vermittlungsstelle",
      responsibility: "AGS / Vermittlungsstelle / Regelstrukturen",
      target:
        "Die Vermittlungsstelle steht allen Regelstrukturen zur Verfügung; 80 % der Einsätze durch qualifizierte Dolmetschende",
    },
  ],
};

/** One year's amounts per Förderbereich: Bund (IFK), Kanton, Gemeinden, Dritte, in CHF (fictional). */
type YearAmounts = Record<AreaId, readonly [number, number, number, number]>;

/**
 * The demo's Finanzraster, fictional figures: Bund CHF 1'000'000 a year, Kanton and Gemeinden
 * CHF 1'050'000, except 2026, when the communes' share of the language courses (Förderbereich
 * Sprache) is not yet confirmed (CHF 10'000 instead of 100'000): Kanton + Gemeinden reach
 * CHF 960'000, below the federal contribution, so the matching check fails for 2026 only.
 * Raising the canton's Sprache figure for 2026 from 220'000 to 260'000 meets it exactly.
 */
const REGULAR: YearAmounts = {
  fb1: [250_000, 180_000, 80_000, 0],
  fb2: [300_000, 220_000, 100_000, 40_000],
  fb3: [120_000, 90_000, 30_000, 0],
  fb4: [110_000, 70_000, 50_000, 0],
  fb5: [90_000, 50_000, 40_000, 15_000],
  fb6: [60_000, 60_000, 10_000, 0],
  fb7: [70_000, 50_000, 20_000, 10_000],
};

/** The demo's amounts per year. */
export const DEMO_AMOUNTS: Record<number, YearAmounts> = {
  2024: REGULAR,
  2025: REGULAR,
  2026: { ...REGULAR, fb2: [300_000, 220_000, 10_000, 40_000] },
  2027: REGULAR,
};

/** The four finance grids (one per year), each under a caption. */
export function demoFinanceGrids(): JSONContent[] {
  return YEARS.flatMap((year) => [p(bold(`Finanzraster ${year}`), " (in CHF)"), financeGrid(year, DEMO_AMOUNTS[year])]);
}

/** The seven goal grids (one per Förderbereich), each under its Förderbereich's name. */
export function demoGoalGrids(): JSONContent[] {
  return FOERDERBEREICHE.flatMap((area, i) => [p(bold(`${i + 1} ${area.name}`)), goalGrid(area.id, GOALS[area.id])]);
}
