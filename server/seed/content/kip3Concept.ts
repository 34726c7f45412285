import type { JSONContent } from "@tiptap/core";
import { bold, boldRow, bulletList, doc, h, italic, p, table } from "./builders.ts";
import { demoFinanceGrids, demoGoalGrids } from "./kip3Grids.ts";

/**
 * Demo content: Programmkonzept KIP 3 of the Kanton Solothurn.
 * Realistic German sample text written for Accord's demo data; all amounts are fictional.
 */
export const kip3Concept: { title: string; kind: "concept"; content: JSONContent } = {
  title: "Programmkonzept KIP 3 Kanton Solothurn 2024–2027",
  kind: "concept",
  content: doc(
    p(bold("Kantonales Integrationsprogramm 2024–2027 (KIP 3)")),
    p("Kanton Solothurn, Programmkonzept, Version vom 17. Januar 2024"),
    p("Departement des Innern, Amt für Gesellschaft und Soziales (AGS), Fachstelle Integration"),

    h(1, "Zusammenfassung"),
    p(
      "Das KIP 3 führt die bewährte Integrationsförderung der Perioden 2018–2021 und 2022–2023 weiter und setzt die Zusammenarbeit von Kanton und Gemeinden im Integralen Integrationsmodell (IIM) fort. Schwerpunkte bilden die vergünstigten Deutsch-Integrationskurse, die Erstinformation in den Gemeinden sowie der Diskriminierungsschutz.",
    ),

    h(1, "1 Einleitung"),
    h(2, "1.1 Ausgangslage"),
    p(
      "Bund und Kantone haben im Grundlagenpapier KIP 3 die strategischen Ziele für 2024–2027 festgelegt. Das vorliegende Konzept zeigt auf, wie der Kanton Solothurn diese Ziele unter Berücksichtigung der kantonalen Gegebenheiten umsetzt.",
    ),
    h(2, "1.2 Vorgehen"),
    p(
      "Das Konzept wurde von der Fachstelle Integration des AGS unter Einbezug der Einwohnergemeinden, der Regelstrukturen und weiterer Fachstellen erarbeitet. Die Rückmeldungen des SEM zur Eingabe wurden in der bereinigten Fassung berücksichtigt.",
    ),
    h(2, "1.3 Aufbau des Dokuments"),
    p(
      "Kapitel 2 beschreibt den kantonalen Kontext, Kapitel 3 die strategische Ausrichtung und Kapitel 4 die Förderbereiche. Finanzierung und Controlling folgen in den Kapiteln 5 und 6.",
    ),

    h(1, "2 Kantonaler Kontext"),
    h(2, "2.1 Rechtliche Grundlagen"),
    p(
      "Die Integrationsförderung stützt sich auf das AIG, die VIntA sowie das kantonale Sozialgesetz. Die Gemeinden sind für die Erstinformation und die kommunale Integrationsförderung zuständig.",
    ),
    h(2, "2.2 Erkenntnisse aus KIP 2 und KIP 2bis"),
    p(
      "Die Erstinformationsgespräche sind in den meisten Gemeinden etabliert; Handlungsbedarf besteht beim Erreichen von Personen im Familiennachzug. Die Nachfrage nach vergünstigten Sprachkursen ist weiterhin hoch.",
    ),
    h(2, "2.3 Rolle der Regelstrukturen, Gemeinden und weiterer Akteure"),
    p(
      "Schule, Berufsbildung, RAV und Sozialhilfe leisten den Hauptteil der Integrationsarbeit. Das KIP ergänzt diese Angebote dort, wo Lücken bestehen.",
    ),
    h(2, "2.4 Umsetzungsorganisation und Steuerung"),
    p(
      "Ein Steuerungsgremium aus Kanton und Gemeindevertretungen begleitet die Umsetzung. Die Fachstelle Integration ist Ansprechstelle für das SEM.",
    ),
    h(2, "2.5 Asyl- und Flüchtlingsbereich / Integrationsagenda"),
    p(
      "Die Umsetzung der Integrationsagenda erfolgt im IIM über eine durchgehende Fallführung. Die Finanzierung erfolgt über die Integrationspauschale des Bundes.",
    ),

    h(1, "3 Strategische Ausrichtung KIP 3"),
    h(2, "3.1 Schwerpunkte"),
    p(
      "Der Kanton setzt auf Kontinuität, Qualitätssicherung und eine engere Zusammenarbeit mit den Regelstrukturen. Zusätzlich sollen Personen im Familiennachzug und Personen mit Arbeitsmarktpotenzial gezielter angesprochen werden.",
    ),
    h(2, "3.2 Verzicht auf Massnahmen"),
    p(
      "Auf ein kantonales Meldetool für rassistische Vorfälle wird verzichtet, da auf Bundesebene ein nationales Instrument eingeführt wird. Die dafür vorgesehenen Mittel werden im Förderbereich Diskriminierungsschutz für Beratung und Sensibilisierung eingesetzt.",
    ),

    h(1, "4 Förderbereiche"),
    p(
      "Die sieben Förderbereiche sind den drei Pfeilern Information und Beratung, Bildung und Arbeit sowie Verständigung und gesellschaftliche Integration zugeordnet. Ziele, Massnahmen, Zuständigkeiten und Indikatoren je Förderbereich sind im Zielraster (Anhang A) festgehalten.",
    ),
    h(2, "4.1 Information, Abklärung Integrationsbedarf und Beratung"),
    p(
      "Alle neu zuziehenden Personen aus dem Ausland werden in ihrer Wohngemeinde begrüsst und über Rechte, Pflichten und Angebote informiert. Personen mit erhöhtem Integrationsbedarf werden frühzeitig erkannt und an passende Angebote verwiesen.",
    ),
    h(2, "4.2 Sprache"),
    p(
      "Der Kanton vergünstigt Deutsch-Integrationskurse nach dem fide-Ansatz. Ziel ist, dass Teilnehmende ihre Sprachkompetenz im Alltag und im Beruf messbar verbessern.",
    ),
    h(2, "4.3 Ausbildungs- und Arbeitsmarktfähigkeit"),
    p(
      "Spät zugezogene Jugendliche und junge Erwachsene erhalten Zugang zu Brückenangeboten. Für Personen mit Arbeitsmarktpotenzial werden Angebote in Zusammenarbeit mit der Berufsbildung und den RAV koordiniert.",
    ),
    h(2, "4.4 Frühe Kindheit"),
    p(
      "Familien mit Migrationshintergrund kennen die Angebote der frühen Förderung und nutzen sie. Fachpersonen in Kitas und Spielgruppen werden in früher Sprachförderung weitergebildet.",
    ),
    h(2, "4.5 Zusammenleben und Partizipation"),
    p(
      "Der Kanton unterstützt Projekte, die Begegnungen zwischen Einheimischen und Zugewanderten fördern. Migrantenorganisationen werden als Partner in die Umsetzung einbezogen.",
    ),
    h(2, "4.6 Umgang mit Vielfalt und Diskriminierungsschutz"),
    p(
      "Betroffene von rassistischer Diskriminierung erhalten niederschwellig kompetente Beratung. Verwaltung und Regelstrukturen werden für einen diskriminierungsfreien Zugang sensibilisiert.",
    ),
    h(2, "4.7 Dolmetschen"),
    p(
      "Die Vermittlung von qualifizierten interkulturell Dolmetschenden steht Behörden, Schulen und dem Gesundheitswesen zur Verfügung. Der Kanton beteiligt sich an den Einsatzkosten gemäss festgelegten Tarifen.",
    ),

    h(1, "5 Finanzierung"),
    h(2, "5.1 Mittelherkunft"),
    p(
      "Bund (Art. 58 Abs. 3 AIG), Kanton und Gemeinden sowie die Integrationspauschale (Art. 58 Abs. 2 AIG) finanzieren das KIP gemeinsam. Der Kanton erfüllt die Vorgabe, mindestens einen gleich hohen Beitrag wie der Bund aufzuwenden.",
    ),
    h(2, "5.2 Mittelverwendung nach Förderbereich und Jahr"),
    p(italic("Alle Beträge sind fiktive Beispielwerte.")),
    p(
      bold("Tabelle 1:"),
      " Bundesbeitrag (Integrationsförderkredit) und kantonale Mitfinanzierung nach Förderbereich, pro Jahr (in allen Jahren gleich), in CHF",
    ),
    table(
      ["Förderbereich", "Bund (Art. 58 Abs. 3 AIG) p.a.", "Kanton + Gemeinden p.a.", "Total p.a.", "Total 2024–2027"],
      ["1 Information, Abklärung Integrationsbedarf und Beratung", "220'000", "230'000", "450'000", "1'800'000"],
      ["2 Sprache", "300'000", "320'000", "620'000", "2'480'000"],
      ["3 Ausbildungs- und Arbeitsmarktfähigkeit", "120'000", "120'000", "240'000", "960'000"],
      ["4 Frühe Kindheit", "110'000", "120'000", "230'000", "920'000"],
      ["5 Zusammenleben und Partizipation", "90'000", "90'000", "180'000", "720'000"],
      ["6 Umgang mit Vielfalt und Diskriminierungsschutz", "60'000", "70'000", "130'000", "520'000"],
      ["7 Dolmetschen", "70'000", "70'000", "140'000", "560'000"],
      ["Programmentwicklung/Evaluation (Art. 17 Abs. 2bis VIntA)", "30'000", "30'000", "60'000", "240'000"],
      boldRow("Total", "1'000'000", "1'050'000", "2'050'000", "8'200'000"),
    ),
    p(
      "Kanton und Gemeinden wenden jährlich CHF 1'050'000 auf und damit mindestens gleich viel wie der Bund mit CHF 1'000'000 (Art. 16 Abs. 3 VIntA).",
    ),
    p(
      bold("Tabelle 2:"),
      " Finanzierung nach Quelle und Jahr, in CHF. Die Integrationspauschale ist eine Schätzung (Anzahl Entscheide × CHF 18'000, nicht indexiert).",
    ),
    table(
      ["Quelle", "2024", "2025", "2026", "2027", "Total"],
      ["Bund – IFK (Art. 58 Abs. 3 AIG)", "1'000'000", "1'000'000", "1'000'000", "1'000'000", "4'000'000"],
      ["Kanton + Gemeinden", "1'050'000", "1'050'000", "1'050'000", "1'050'000", "4'200'000"],
      [
        "Bund – Integrationspauschale (Schätzung: 180/160/140/140 Entscheide)",
        "3'240'000",
        "2'880'000",
        "2'520'000",
        "2'520'000",
        "11'160'000",
      ],
      boldRow("Total", "5'290'000", "4'930'000", "4'570'000", "4'570'000", "19'360'000"),
    ),

    h(1, "6 Qualitätssicherung, Controlling und Evaluation"),
    p(
      "Die Zielerreichung wird jährlich anhand der Indikatoren des Zielrasters überprüft und dem SEM berichtet. Eine externe Evaluation ausgewählter Massnahmen ist für 2026 vorgesehen.",
    ),

    h(1, "Anhang A Zielraster"),
    p(
      "Der Zielraster hält je Förderbereich das Ziel, die Massnahmen, die Indikatoren, die Zuständigkeiten und den Zielwert fest. Die Ziele sind spezifisch, messbar, erreichbar, relevant und terminiert (SMART) formuliert.",
    ),
    ...demoGoalGrids(),

    h(1, "Anhang B Finanzraster"),
    p(
      "Der Finanzraster hält die Mittel je Förderbereich, Quelle und Jahr fest, in CHF. Die Summen je Zeile, Spalte und Jahr sowie die Prüfung der Mitfinanzierung (Art. 16 VIntA) berechnet Accord. Im Jahr 2026 sind die Beiträge der Gemeinden an die Sprachförderung noch nicht bestätigt.",
    ),
    ...demoFinanceGrids(),

    h(1, "Anhang C Abkürzungsverzeichnis"),
    bulletList(
      p(bold("AGS"), " – Amt für Gesellschaft und Soziales"),
      p(bold("AIG"), " – Ausländer- und Integrationsgesetz"),
      p(bold("DDI"), " – Departement des Innern"),
      p(bold("FL"), " – Flüchtlinge"),
      p(bold("IAS"), " – Integrationsagenda Schweiz"),
      p(bold("IFK"), " – Integrationsförderkredit"),
      p(bold("IIM"), " – Integrales Integrationsmodell"),
      p(bold("IP"), " – Integrationspauschale"),
      p(bold("KdK"), " – Konferenz der Kantonsregierungen"),
      p(bold("KIP"), " – Kantonales Integrationsprogramm"),
      p(bold("RAV"), " – Regionale Arbeitsvermittlungszentren"),
      p(bold("SEM"), " – Staatssekretariat für Migration"),
      p(bold("SuG"), " – Subventionsgesetz"),
      p(bold("VA"), " – Vorläufig Aufgenommene"),
      p(bold("VIntA"), " – Verordnung über die Integration von Ausländerinnen und Ausländern"),
    ),

    h(1, "Anhang D Liste der beteiligten Stellen"),
    bulletList(
      "Departement des Innern (DDI), Amt für Gesellschaft und Soziales (AGS), Fachstelle Integration",
      "Einwohnergemeinden des Kantons Solothurn",
      "Steuerungsgremium aus Kanton und Gemeindevertretungen",
      "Regelstrukturen: Schule, Berufsbildung, RAV, Sozialhilfe und Gesundheitswesen",
      "Anbieter von Deutsch-Integrationskursen",
      "Migrantenorganisationen",
      "Vermittlungsstelle für interkulturelles Dolmetschen",
      "Staatssekretariat für Migration (SEM), Abteilung Integration",
    ),
  ),
};
