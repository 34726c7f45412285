/** German texts of the comparison view (redline): what each change is, by whom, when. */
export const deComparison = {
  comparison: {
    insertion: "Eingefügt von {{name}}, {{at}}",
    deletion: "Gelöscht von {{name}}, {{at}}",
    formatting: "Formatierung geändert von {{name}}, {{at}}",
    blockType: "Absatzformat geändert von {{name}}, {{at}}",
  },
};
