import type { JSONContent } from "@tiptap/core";
import { bold, bulletList, doc, h, p } from "./builders.ts";
import { demoFinanceGrids, demoGoalGrids } from "./kip3Grids.ts";

/**
 * Demo content: Programmvereinbarung KIP 3 between the SEM and the Kanton Solothurn.
 * Realistic German sample text written for Accord's demo data; not an official SEM template.
 */
export const kip3Agreement: { title: string; kind: "agreement"; content: JSONContent } = {
  title: "Programmvereinbarung KIP 3 Kanton Solothurn 2024–2027",
  kind: "agreement",
  content: doc(
    h(
      1,
      "Programmvereinbarung über die spezifische Integrationsförderung im Rahmen des Kantonalen Integrationsprogramms 2024–2027 (KIP 3)",
    ),
    p("zwischen"),
    p(bold("der Schweizerischen Eidgenossenschaft"), ", vertreten durch das Staatssekretariat für Migration (SEM),"),
    p("und"),
    p(bold("dem Kanton Solothurn"), ", vertreten durch das Amt für Gesellschaft und Soziales (AGS)"),

    h(2, "Ingress"),
    p(
      "Gestützt auf Artikel 58 des Ausländer- und Integrationsgesetzes (AIG), die Artikel 14–18 der Verordnung über die Integration von Ausländerinnen und Ausländern (VIntA) sowie Artikel 20a des Subventionsgesetzes (SuG) schliessen die Parteien die folgende Vereinbarung. Grundlage bilden das von Bundesrat und KdK verabschiedete Grundlagenpapier KIP 3 sowie das vom Regierungsrat genehmigte kantonale Programmkonzept.",
    ),

    h(2, "Art. 1 Gegenstand"),
    p(
      "Diese Vereinbarung regelt die Ziele, Leistungen und Finanzierung der spezifischen Integrationsförderung im Kanton Solothurn für die Programmperiode 2024–2027. Sie umfasst Massnahmen für die gesamte Migrationsbevölkerung einschliesslich der Umsetzung der Integrationsagenda Schweiz für vorläufig Aufgenommene und Flüchtlinge.",
    ),

    h(2, "Art. 2 Bestandteile der Vereinbarung"),
    p(
      "Integrierende Bestandteile sind das kantonale Programmkonzept KIP 3 (Anhang 1), der Zielraster (Anhang 2) und der Finanzraster (Anhang 3). Bei Widersprüchen geht der Vereinbarungstext den Anhängen vor.",
    ),

    h(2, "Art. 3 Strategische Programmziele"),
    p(
      "Der Kanton verpflichtet sich, in den sieben Förderbereichen die im Grundlagenpapier KIP 3 festgelegten strategischen Programmziele zu verfolgen. Die kantonsspezifischen Leistungs- und Wirkungsziele sowie die Indikatoren zu deren Überprüfung sind im Zielraster festgehalten.",
    ),

    h(2, "Art. 4 Leistungen des Kantons"),
    p(
      "Der Kanton stellt die Umsetzung der im Zielraster aufgeführten Massnahmen sicher und bezieht die Einwohnergemeinden angemessen ein. Er koordiniert die spezifische Integrationsförderung mit den Regelstrukturen, insbesondere Bildung, Arbeitsmarkt, Gesundheit und Sozialhilfe.",
    ),

    h(2, "Art. 5 Beiträge des Bundes"),
    p(
      "Der Bund leistet für die Programmperiode Beiträge gemäss Artikel 58 Absatz 3 AIG im Umfang von höchstens CHF 1'000'000 pro Jahr, vorbehältlich der Kreditbewilligung durch die Bundesversammlung. Die Integrationspauschale nach Artikel 58 Absatz 2 AIG wird zusätzlich nach Massgabe der effektiven Entscheide ausgerichtet.",
    ),

    h(2, "Art. 6 Finanzielle Beteiligung des Kantons"),
    p(
      "Der Kanton und die Gemeinden wenden für das KIP jährlich mindestens einen Betrag in der Höhe des Bundesbeitrags nach Artikel 5 auf. Allgemeine Verwaltungsaufgaben sind nicht anrechenbar.",
    ),

    h(2, "Art. 7 Auszahlungsmodalitäten"),
    p(
      "Der Bundesbeitrag wird in jährlichen Tranchen ausbezahlt; die erste Tranche wird nach Unterzeichnung der Vereinbarung fällig. Nicht verwendete Mittel können im Rahmen der Vorgaben des SEM auf das Folgejahr übertragen oder werden zurückgefordert.",
    ),

    h(2, "Art. 8 Berichterstattung und Controlling"),
    p(
      "Der Kanton erstattet dem SEM jährlich Bericht über die Zielerreichung, die umgesetzten Massnahmen, die Kennzahlen und die Verwendung der Mittel. Das SEM stellt hierfür Vorlagen zur Verfügung und gibt dem Kanton eine schriftliche Rückmeldung.",
    ),

    h(2, "Art. 9 Finanzaufsicht"),
    p(
      "Der Kanton verfügt über ein Konzept zur risikoorientierten Finanzaufsicht und informiert das SEM über seine Aufsichtstätigkeit. Das SEM kann Einsicht in die Buchhaltung und Belege nehmen.",
    ),

    h(2, "Art. 10 Anpassungen der Vereinbarung"),
    p(
      "Wesentliche Änderungen bei Zielen, Massnahmen oder der Mittelverteilung zwischen den Förderbereichen bedürfen der vorgängigen schriftlichen Zustimmung beider Parteien und werden in einem Nachtrag festgehalten. Geringfügige Verschiebungen meldet der Kanton im Rahmen der Berichterstattung.",
    ),

    h(2, "Art. 11 Nichterfüllung"),
    p(
      "Werden vereinbarte Leistungen nicht oder mangelhaft erbracht, kann das SEM Beiträge kürzen oder zurückfordern. Vorgängig wird dem Kanton Gelegenheit zur Stellungnahme gegeben.",
    ),

    h(2, "Art. 12 Ansprechstellen"),
    p(
      "Ansprechstelle des Kantons ist die Fachstelle Integration des AGS; Ansprechstelle des Bundes ist die zuständige Sektion der Abteilung Integration des SEM.",
    ),

    h(2, "Art. 13 Streitigkeiten"),
    p(
      "Die Parteien bemühen sich, Meinungsverschiedenheiten einvernehmlich zu lösen. Im Übrigen richtet sich das Verfahren nach den Bestimmungen des SuG.",
    ),

    h(2, "Art. 14 Inkrafttreten und Dauer"),
    p(
      "Die Vereinbarung tritt mit der Unterzeichnung durch beide Parteien in Kraft und gilt rückwirkend ab 1. Januar 2024 bis 31. Dezember 2027.",
    ),

    h(2, "Unterschriften"),
    p(bold("Für die Schweizerische Eidgenossenschaft – Staatssekretariat für Migration SEM")),
    p("Ort, Datum: ______________________________"),
    p("Name, Funktion: ______________________________"),
    p("Unterschrift: ______________________________"),
    p(""),
    p(bold("Für den Kanton Solothurn – Vorsteherin/Vorsteher Departement des Innern")),
    p("Gemäss Ermächtigung durch den Regierungsrat (RRB Nr. ____________ vom ____________)"),
    p("Ort, Datum: ______________________________"),
    p("Name, Funktion: ______________________________"),
    p("Unterschrift: ______________________________"),

    h(2, "Anhänge"),
    bulletList(
      "Anhang 1: Programmkonzept KIP 3",
      "Anhang 2: Zielraster",
      "Anhang 3: Finanzraster",
      "Anhang 4: Aufsichtskonzept des Kantons Solothurn",
    ),
    p(bold("Anhang 2: Zielraster")),
    ...demoGoalGrids(),
    p(bold("Anhang 3: Finanzraster")),
    ...demoFinanceGrids(),
  ),
};
