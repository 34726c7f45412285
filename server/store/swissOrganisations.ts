/**
 * The organisations a fresh store starts with: the SEM and the 26 cantons, with their
 * names in German, French and Italian, the official two-letter abbreviations as ids
 * (`kanton-zh` …) and their e-mail domains. Shipped with migration 8, which inserts them:
 * never edit this list, change organisations through a new migration or the admin API.
 */
export interface SeedOrganisation {
  id: string;
  kind: "federal" | "canton";
  name: { de: string; fr: string; it: string };
  shortName: string;
  colour: string;
  domains: readonly string[];
}

const canton = (
  code: string,
  de: string,
  fr: string,
  it: string,
  colour: string,
  domain = `${code}.ch`,
): SeedOrganisation => ({
  id: `kanton-${code}`,
  kind: "canton",
  name: { de: `Kanton ${de}`, fr, it },
  shortName: `Kanton ${code.toUpperCase()}`,
  colour,
  domains: [domain],
});

// Colours: 27 distinct hues, each at least 4.5:1 against white (they colour text and carets).
export const SWISS_ORGANISATIONS: readonly SeedOrganisation[] = [
  {
    id: "sem",
    kind: "federal",
    name: {
      de: "Staatssekretariat für Migration SEM",
      fr: "Secrétariat d'État aux migrations SEM",
      it: "Segreteria di Stato della migrazione SEM",
    },
    shortName: "SEM",
    colour: "#1f5fa8",
    domains: ["sem.admin.ch"],
  },
  canton("zh", "Zürich", "Canton de Zurich", "Cantone di Zurigo", "#00739e"),
  canton("be", "Bern", "Canton de Berne", "Cantone di Berna", "#8c4a00"),
  canton("lu", "Luzern", "Canton de Lucerne", "Cantone di Lucerna", "#3949ab"),
  canton("ur", "Uri", "Canton d'Uri", "Cantone di Uri", "#6d6300"),
  canton("sz", "Schwyz", "Canton de Schwytz", "Cantone di Svitto", "#ad1457"),
  canton("ow", "Obwalden", "Canton d'Obwald", "Cantone di Obvaldo", "#7b1fa2"),
  canton("nw", "Nidwalden", "Canton de Nidwald", "Cantone di Nidvaldo", "#4e342e"),
  canton("gl", "Glarus", "Canton de Glaris", "Cantone di Glarona", "#00796b"),
  canton("zg", "Zug", "Canton de Zoug", "Cantone di Zugo", "#0d47a1"),
  canton("fr", "Freiburg", "Canton de Fribourg", "Cantone di Friburgo", "#37474f"),
  canton("so", "Solothurn", "Canton de Soleure", "Cantone di Soletta", "#c8102e"),
  canton("bs", "Basel-Stadt", "Canton de Bâle-Ville", "Cantone di Basilea Città", "#212121"),
  canton("bl", "Basel-Landschaft", "Canton de Bâle-Campagne", "Cantone di Basilea Campagna", "#bf360c"),
  canton("sh", "Schaffhausen", "Canton de Schaffhouse", "Cantone di Sciaffusa", "#4a7a1f"),
  canton(
    "ar",
    "Appenzell Ausserrhoden",
    "Canton d'Appenzell Rhodes-Extérieures",
    "Cantone di Appenzello Esterno",
    "#795548",
  ),
  canton(
    "ai",
    "Appenzell Innerrhoden",
    "Canton d'Appenzell Rhodes-Intérieures",
    "Cantone di Appenzello Interno",
    "#827717",
  ),
  canton("sg", "St. Gallen", "Canton de Saint-Gall", "Cantone di San Gallo", "#2e7d32"),
  canton("gr", "Graubünden", "Canton des Grisons", "Cantone dei Grigioni", "#455a64"),
  canton("ag", "Aargau", "Canton d'Argovie", "Cantone di Argovia", "#01579b"),
  canton("tg", "Thurgau", "Canton de Thurgovie", "Cantone di Turgovia", "#1b5e20"),
  canton("ti", "Tessin", "Canton du Tessin", "Cantone Ticino", "#c2185b"),
  canton("vd", "Waadt", "Canton de Vaud", "Cantone di Vaud", "#33691e"),
  canton("vs", "Wallis", "Canton du Valais", "Cantone del Vallese", "#880e4f"),
  canton("ne", "Neuenburg", "Canton de Neuchâtel", "Cantone di Neuchâtel", "#006064"),
  canton("ge", "Genf", "Canton de Genève", "Cantone di Ginevra", "#9e5a00"),
  canton("ju", "Jura", "Canton du Jura", "Cantone del Giura", "#6a1b9a", "jura.ch"),
];
