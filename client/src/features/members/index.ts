// What the document page composes from the members feature; the rest is the feature's own.
export { MembersPanel } from "./MembersPanel.tsx";
export { useMembers } from "./useMembers.ts";
