import { z } from "zod";
import { type CreateDocumentRequest, DocumentListEntry, DocumentSummary } from "../../../shared/api/schemas.ts";
import { request } from "./client.ts";

const DocumentList = z.array(DocumentListEntry);

/** The documents the signed-in user is a member of, with what waits for them in each. */
export const listDocuments = (): Promise<DocumentListEntry[]> => request("GET", "/documents", DocumentList);

/** Creates a document; the creator becomes its owner. */
export const createDocument = (input: CreateDocumentRequest): Promise<DocumentSummary> =>
  request("POST", "/documents", DocumentSummary, input);

/** One document with the user's role on it; throws ApiError `forbidden` or `not_found`. */
export const fetchDocument = (id: string): Promise<DocumentSummary> =>
  request("GET", `/documents/${encodeURIComponent(id)}`, DocumentSummary);

/** Starts an amendment (Nachtrag) of a final agreement (owners and editors of a party); the new document. */
export const startAmendment = (id: string): Promise<DocumentSummary> =>
  request("POST", `/documents/${encodeURIComponent(id)}/amendments`, DocumentSummary);

/** Renames a document (owner and editor only). */
export const renameDocument = (id: string, title: string): Promise<DocumentSummary> =>
  request("PATCH", `/documents/${encodeURIComponent(id)}`, DocumentSummary, { title });

/** Sets whether only the other party may accept suggestions (owner only). */
export const setCrossPartyAcceptance = (id: string, on: boolean): Promise<DocumentSummary> =>
  request("PATCH", `/documents/${encodeURIComponent(id)}`, DocumentSummary, { crossPartyAcceptance: on });
