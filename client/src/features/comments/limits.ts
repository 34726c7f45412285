import { ThreadData } from "../../../../shared/comments/model.ts";

// Read from the shared model, so the form never lets through what the server would refuse
// (a refused comment update resets the whole local copy).

/** Longest text of a comment or reply the model accepts. */
export const COMMENT_MAX_LENGTH = ThreadData.shape.text.maxLength ?? 10_000;

/** Longest quoted passage the model accepts. */
export const QUOTE_MAX_LENGTH = ThreadData.shape.quote.maxLength ?? 2_000;
