import { z } from "zod";
import { ComparisonView } from "../../../shared/api/comparison.ts";
import { HistoryEntry } from "../../../shared/api/history.ts";
import { request, requestNoContent } from "./client.ts";

const enc = encodeURIComponent;

/** The Verlauf: every editing session of the document, newest first. */
export const listHistory = (documentId: string) =>
  request("GET", `/documents/${enc(documentId)}/history`, z.array(HistoryEntry));

/** The redline of one entry: the text before it against the text after it. */
export const fetchHistoryRedline = (documentId: string, entryId: string) =>
  request("GET", `/documents/${enc(documentId)}/history/${enc(entryId)}`, ComparisonView);

/** Puts the text as it was after the entry back, as a new change by the caller. */
export const restoreHistoryEntry = (documentId: string, entryId: string) =>
  requestNoContent("POST", `/documents/${enc(documentId)}/history/${enc(entryId)}/restore`);
