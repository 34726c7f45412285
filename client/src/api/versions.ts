import { z } from "zod";
import { ComparisonView } from "../../../shared/api/comparison.ts";
import {
  type ApprovalRequest,
  Colleague,
  VerifyResult,
  VersionDetail,
  VersionSummary,
} from "../../../shared/api/schemas.ts";
import { ApiError } from "./ApiError.ts";
import { errorOf, request, requestNoContent } from "./client.ts";

const VersionList = z.array(VersionSummary);
const enc = encodeURIComponent;

export const listVersions = (documentId: string) =>
  request("GET", `/documents/${enc(documentId)}/versions`, VersionList);

export const fetchVersion = (versionId: string) => request("GET", `/versions/${enc(versionId)}`, VersionDetail);

/** The redline from a version to another version or to "current", with who made each change and when. */
export const fetchComparison = (documentId: string, from: string, to: string) =>
  request("GET", `/documents/${enc(documentId)}/comparison?from=${enc(from)}&to=${enc(to)}`, ComparisonView);

/** Requests the document's next milestone: locks and freezes it. `open_items` unless `includeOpen`. */
export const requestMilestone = (documentId: string, includeOpen: boolean, override?: string) =>
  request("POST", `/documents/${enc(documentId)}/milestones`, VersionDetail, {
    includeOpen,
    ...(override ? { override } : {}),
  });

export const decideVersion = (versionId: string, decision: ApprovalRequest) =>
  request("POST", `/versions/${enc(versionId)}/approvals`, VersionSummary, decision);

/** The other people of the caller's organisation who may approve this version (four eyes: not its requester). */
export const listApprovers = (versionId: string) =>
  request("GET", `/versions/${enc(versionId)}/approvers`, z.array(Colleague));

/** The people of the caller's organisation on this document who hold signing authority. */
export const listSignatories = (versionId: string) =>
  request("GET", `/versions/${enc(versionId)}/signatories`, z.array(Colleague));

export const restoreVersion = (versionId: string) => requestNoContent("POST", `/versions/${enc(versionId)}/restore`);

export const verifyHash = (hash: string) => request("POST", "/verify", VerifyResult, { hash });

/** Sends an exported file as it is; the server says whether it is an export of a version (genuine, altered, unknown). */
export async function verifyFile(file: Blob): Promise<VerifyResult> {
  let response: Response;
  try {
    response = await fetch("/api/verify", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/octet-stream" },
      body: file,
    });
  } catch (err) {
    throw new ApiError("network", 0, err instanceof Error ? err.message : String(err));
  }
  if (!response.ok) throw await errorOf(response);
  return VerifyResult.parse(await response.json());
}

/** Where a version's export in `format` is downloaded from. */
export const versionExportUrl = (versionId: string, format: string) =>
  `/api/versions/${enc(versionId)}/export?format=${enc(format)}`;
export const documentExportUrl = (documentId: string, format: string) =>
  `/api/documents/${enc(documentId)}/export?format=${enc(format)}`;
export const redlineUrl = (documentId: string, from: string, to: string, format: string) =>
  `/api/documents/${enc(documentId)}/redline?from=${enc(from)}&to=${enc(to)}&format=${enc(format)}`;
