// What the document page composes from the suggestions feature; the rest is the feature's own.
export { canSuggest } from "./permissions.ts";
export { SuggestChanges } from "./SuggestChanges.ts";
export { SuggestionColours } from "./SuggestionColours.tsx";
export { SuggestionsPanel } from "./SuggestionsPanel.tsx";
export { SuggestModeBar } from "./SuggestModeBar.tsx";
