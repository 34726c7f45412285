/** German texts of the margin beside the text: comment threads and suggestions at their passages (issue 17). */
export const marginDe = {
  margin: {
    label: "Kommentare und Vorschläge am Rand",
  },
};
