/** Roles a member can hold on a document, from most to least powerful. */
export const ROLES = ["owner", "editor", "suggester", "commenter", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** Roles that may change the document's content directly. */
export const canEditContent = (role: Role): boolean => role === "owner" || role === "editor";
