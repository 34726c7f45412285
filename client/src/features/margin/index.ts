// What the document page composes from the margin feature.
export { MarginColumn } from "./MarginColumn.tsx";
export { scrollCardIntoView } from "./scrollCardIntoView.ts";
export { useWideMargin } from "./useWideMargin.ts";
