/**
 * Each person's caret colour: stable for a user id, so two people of one organisation are
 * told apart (the organisation is shown as a band on the label instead). Every colour
 * carries white label text at WCAG AA (contrast ≥ 4.5:1; personColour.test.ts checks).
 */
export const PERSON_PALETTE = [
  "#b3261e", // red
  "#1f5fa8", // blue
  "#1e7a3c", // green
  "#8e3ab8", // purple
  "#a15c00", // brown-orange
  "#00707a", // teal
  "#c2185b", // pink
  "#4a5a9c", // slate blue
  "#6b6b00", // olive
  "#7a4a2a", // brown
  "#0b6e99", // cyan-blue
  "#9c27b0", // magenta
] as const;

/** FNV-1a over the id's UTF-16 units: cheap, stable across clients, well spread for short ids. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export function personColour(userId: string): string {
  return PERSON_PALETTE[hash(userId) % PERSON_PALETTE.length] as string;
}
