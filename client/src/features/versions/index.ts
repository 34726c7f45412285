// What the app and the document page use from the versions feature; the rest is the feature's own.
export { VerifyPage } from "./VerifyPage.tsx";
export { VersionsPanel } from "./VersionsPanel.tsx";
// The read-only viewer of a text or a redline, for the Verlauf's entries (features/history).
export { VersionViewer } from "./VersionViewer.tsx";
