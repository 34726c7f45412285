// What the document page uses from the Verlauf (issue 16).
export { HistoryPanel } from "./HistoryPanel.tsx";
