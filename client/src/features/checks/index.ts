/** The document's checks (issue 15, item 6). */
export { ChecksPanel, checkText } from "./ChecksPanel.tsx";
