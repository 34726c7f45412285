import { z } from "zod";
import { CheckResult } from "../../../shared/api/checks.ts";
import { SectionEntry, type SectionStatus } from "../../../shared/sections/sections.ts";
import { request } from "./client.ts";

const enc = encodeURIComponent;

/** Sets the caller's organisation's status of one section (the server writes it into the live document). */
export const setSectionStatus = (documentId: string, sectionId: string, status: SectionStatus) =>
  request(
    "PUT",
    `/documents/${enc(documentId)}/sections/${enc(sectionId)}/status`,
    z.object({ id: z.string(), statuses: SectionEntry }),
    { status },
  );

/** The document's checks: unsettled sections, open suggestions and threads (and later the grids). */
export const fetchChecks = (documentId: string) =>
  request("GET", `/documents/${enc(documentId)}/checks`, z.array(CheckResult));
