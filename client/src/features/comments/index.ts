// What the document page composes from the comments feature; the rest is the feature's own.
export { CommentHighlights, type HighlightSource, REFRESH_HIGHLIGHTS } from "./CommentHighlights.ts";
export { CommentsPanel } from "./CommentsPanel.tsx";
export { useThreads } from "./useThreads.ts";
