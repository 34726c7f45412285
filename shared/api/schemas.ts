import { z } from "zod";
import { ROLES } from "../roles.ts";
import { AccountLanguage, InstanceRoleName } from "./accountSchemas.ts";
import { MultiLineText, OneLineText } from "./fieldText.ts";
import { DocumentWaiting } from "./notifications.ts";
import { DocumentParty, OrganisationId, PartyRole } from "./organisations.ts";

export * from "./organisations.ts";

/** Request and response bodies of the REST API, validated on the server at the boundary. */

/** What a document is: a programme concept, an agreement, or an amendment (Nachtrag) of a signed agreement. */
export const DOCUMENT_KINDS = ["concept", "agreement", "amendment"] as const;
export const DocumentKind = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKind>;

/** The kinds `POST /api/documents` creates; an amendment is only started from a final agreement. */
export const CREATABLE_KINDS = ["concept", "agreement"] as const;
export const CreatableKind = z.enum(CREATABLE_KINDS);
export type CreatableKind = z.infer<typeof CreatableKind>;

export const Role = z.enum(ROLES);

export const LoginRequest = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** What the user administers: every organisation, their own, or nothing (null). */
  instanceRole: InstanceRoleName.nullable(),
  language: AccountLanguage,
});
export type User = z.infer<typeof User>;

/** A document title: one line, as it heads every export. */
export const Title = z.string().trim().min(1).max(200).pipe(OneLineText);

/**
 * POST /api/documents. `parties`: the two organisations of the programme, a canton and a
 * federal one, in any order (default: the creator's canton and the SEM).
 */
export const CreateDocumentRequest = z
  .object({ title: Title, kind: CreatableKind, parties: z.array(OrganisationId).length(2).optional() })
  .strict();
export type CreateDocumentRequest = z.infer<typeof CreateDocumentRequest>;

/** The content type of a Word file, the only body the import routes take. */
export const DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** POST /api/documents/import: the new document's title, kind and parties in the query (`parties=a,b`), the file as the body. */
export const ImportDocumentQuery = z
  .object({
    title: Title,
    // As the create form: an amendment is started only from a signed document (POST …/amendments).
    kind: CreatableKind,
    parties: z
      .string()
      .max(200)
      .transform((s) => s.split(","))
      .pipe(z.array(OrganisationId).length(2))
      .optional(),
  })
  .strict();
export type ImportDocumentQuery = z.infer<typeof ImportDocumentQuery>;

/** POST /api/documents/:id/import: the version the returned file was exported from. */
export const FileBackQuery = z.object({ against: z.string().min(1).max(64) }).strict();

/** What an import counts: what was kept, and by kind what was not (server/word/imported.ts). */
export const ImportReportBody = z.object({
  imported: z.record(z.string(), z.number()),
  skipped: z.record(z.string(), z.number()),
});
export type ImportReportBody = z.infer<typeof ImportReportBody>;

/** 201 of POST /api/documents/import. */
export const ImportDocumentResponse = z.object({ id: z.string(), report: ImportReportBody });
export type ImportDocumentResponse = z.infer<typeof ImportDocumentResponse>;

/** 200 of POST /api/documents/:id/import: the report and what came into the live document. */
export const FileBackResponse = z.object({ report: ImportReportBody, suggestions: z.number(), threads: z.number() });
export type FileBackResponse = z.infer<typeof FileBackResponse>;

/** PATCH /api/documents/:id: a new title (owners, editors) and/or the acceptance setting (owners). */
export const UpdateDocumentRequest = z
  .object({ title: Title.optional(), crossPartyAcceptance: z.boolean().optional() })
  .strict()
  .refine((r) => r.title !== undefined || r.crossPartyAcceptance !== undefined, "nothing to change");
export type UpdateDocumentRequest = z.infer<typeof UpdateDocumentRequest>;

export const DocumentSummary = z.object({
  id: z.string(),
  title: z.string(),
  kind: DocumentKind,
  role: Role,
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Suggestions may only be accepted by a member of another organisation than the author's. */
  crossPartyAcceptance: z.boolean(),
  /** The milestone awaiting approval, which locks the text; null when none. */
  lock: z.object({ versionId: z.string(), milestone: z.string(), label: z.string() }).nullable(),
  /** The milestone an owner can request next; null when every one is reached. */
  nextMilestone: z.object({ id: z.string(), label: z.string() }).nullable(),
  /** The document's parties (canton first, then federal) with each organisation's look. */
  parties: z.array(DocumentParty),
  /**
   * Set once the last milestone of the path is reached: the document is final (read-only for
   * everyone). `at`: when the last decision was made; `by`: the signatories (or approvers).
   */
  final: z
    .object({
      versionId: z.string(),
      at: z.string(),
      milestone: z.string(),
      label: z.string(),
      by: z.array(z.string()),
    })
    .nullable(),
  /** For an amendment: the signed document and version it amends, with that document's title. */
  amends: z.object({ documentId: z.string(), versionId: z.string(), title: z.string() }).nullable(),
  /** For a signed agreement: the amendments started from it, oldest first. */
  amendments: z.array(z.object({ id: z.string(), title: z.string(), createdAt: z.string() })),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;

/** One row of GET /api/documents: the summary and what waits for the caller in it (issue 16). */
export const DocumentListEntry = DocumentSummary.extend({ waiting: DocumentWaiting });
export type DocumentListEntry = z.infer<typeof DocumentListEntry>;

export const MilestoneStatus = z.enum(["pending", "reached", "rejected"]);
export type MilestoneStatus = z.infer<typeof MilestoneStatus>;

/** POST /api/documents/:id/milestones: freeze even with open suggestions or threads only when asked to. */
export const MilestoneRequest = z
  .object({
    includeOpen: z.boolean().default(false),
    /**
     * Why the milestone is requested although checks that block it fail (e.g. sections not
     * settled by both parties for "Programmvereinbarung bereinigt"): frozen into the version's record.
     */
    override: OneLineText.max(500).optional(),
  })
  .strict();

/** POST /api/versions/:id/approvals. */
export const ApprovalRequest = z
  .object({
    decision: z.enum(["approve", "reject"]),
    // Every value is printed on one line of every export; a reason may span lines (printed collapsed).
    details: z.record(z.string().max(40), OneLineText.max(200)).default({}),
    /** The people who signed, picked from `GET /api/versions/:id/signatories` (signature milestones). */
    signatories: z.array(z.string().min(1).max(64)).max(4).default([]),
    reason: MultiLineText.max(2000).optional(),
  })
  .strict();
export type ApprovalRequest = z.input<typeof ApprovalRequest>;

export const ApprovalSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  userId: z.string(),
  userName: z.string(),
  decision: z.enum(["approve", "reject"]),
  details: z.record(z.string(), z.string()),
  reason: z.string().nullable(),
  at: z.string(),
});
export type ApprovalSummary = z.infer<typeof ApprovalSummary>;

export const VersionSummary = z.object({
  id: z.string(),
  documentId: z.string(),
  seq: z.number(),
  milestone: z.string(),
  milestoneLabel: z.string(),
  status: MilestoneStatus,
  /** The party roles the milestone needs, and the organisations that hold them on this document. */
  requiredParties: z.array(PartyRole),
  requiredOrgs: z.array(z.string()),
  /** The requester (`frozenBy`) cannot approve for their own organisation (they may reject). */
  fourEyes: z.boolean(),
  fields: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.enum(["text", "date", "signatories"]),
      required: z.boolean(),
    }),
  ),
  contentHash: z.string(),
  chainHash: z.string(),
  prevHash: z.string().nullable(),
  frozenAt: z.string(),
  frozenBy: z.object({ id: z.string(), name: z.string() }),
  approvals: z.array(ApprovalSummary),
  openItems: z.object({ suggestions: z.number(), threads: z.number() }),
});
export type VersionSummary = z.infer<typeof VersionSummary>;

/**
 * A person of the caller's organisation, as `GET /api/versions/:id/approvers` (who else may
 * approve) and `…/signatories` (who may be named as signatory) list them.
 */
export const Colleague = z.object({ id: z.string(), name: z.string() });
export type Colleague = z.infer<typeof Colleague>;

/** One version with its frozen ProseMirror document, for the read-only view and comparisons. */
export const VersionDetail = VersionSummary.extend({ content: z.record(z.string(), z.unknown()) });
export type VersionDetail = z.infer<typeof VersionDetail>;

/** POST /api/verify: which versions an exported file or a hash belongs to. */
/** A version a verify answer names, with whether its chain is intact up to it. */
export const VerifyMatch = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  version: VersionSummary,
  chainIntact: z.boolean(),
  problems: z.array(z.string()),
});
export type VerifyMatch = z.infer<typeof VerifyMatch>;

/**
 * What `POST /api/verify` found. For a file: `genuine` (byte for byte an export of the named
 * version, in `format`, with its first `approvalsIncluded` of `approvalsTotal` decisions),
 * `altered` (names a version but is not an export of it; `differences` from its text for
 * DOCX, HTML and Markdown) or `unknown`. For a bare hash: `hash_known` or `unknown`; a hash
 * never makes anything genuine.
 */
export const VerifyResult = z.object({
  verdict: z.enum(["genuine", "altered", "unknown", "hash_known"]),
  hashes: z.array(z.string()),
  matches: z.array(VerifyMatch),
  format: z.enum(["docx", "pdf", "html", "md", "zip"]).nullable(),
  approvalsIncluded: z.number().int().nullable(),
  approvalsTotal: z.number().int().nullable(),
  /** The first 20 passages where the file's text differs from the version's export. */
  differences: z.array(z.object({ expected: z.string(), found: z.string() })),
  /** False when there were more passages than listed, or too many edits to compare. */
  differencesComplete: z.boolean(),
});
export type VerifyResult = z.infer<typeof VerifyResult>;

export const Member = z.object({
  userId: z.string(),
  email: z.string(),
  name: z.string(),
  orgId: z.string(),
  role: Role,
});
export type Member = z.infer<typeof Member>;

/** A user an owner may add to a document: active, of one of its party organisations, not yet a member. */
export const MemberCandidate = z.object({ id: z.string(), name: z.string(), email: z.string(), orgId: z.string() });
export type MemberCandidate = z.infer<typeof MemberCandidate>;

/** Every error response of the API has this shape. */
export const ErrorBody = z.object({ code: z.string(), message: z.string() });
export type ErrorBody = z.infer<typeof ErrorBody>;

/**
 * Adds a member or changes their role (PUT /api/documents/:id/members): a user picked from
 * the candidates (GET /api/documents/:id/candidates) or a member already.
 */
export const PutMemberRequest = z.object({ userId: z.string().min(1).max(64), role: Role }).strict();
export type PutMemberRequest = z.infer<typeof PutMemberRequest>;

/** One line of a document's audit log (GET /api/documents/:id/audit, owners only). */
export const AuditRecord = z.object({
  id: z.number(),
  at: z.string(),
  /** Who acted; null when unknown, as for a failed sign-in. */
  userId: z.string().nullable(),
  userName: z.string().nullable(),
  /** Whom it was about, when not the actor: the member whose role changed, the account of a failed sign-in. */
  subjectId: z.string().nullable(),
  subjectName: z.string().nullable(),
  action: z.string(),
  detail: z.record(z.string(), z.unknown()),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

/** Largest `limit` the audit endpoint answers. */
export const AUDIT_LIMIT_MAX = 1000;

/** Query of GET /api/documents/:id/audit and GET /api/me/signins: how many of the newest entries (default 500). */
export const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(AUDIT_LIMIT_MAX).default(500),
});
export type AuditQuery = z.infer<typeof AuditQuery>;
