import type { Role } from "../../shared/roles.ts";
import type { RegionChange, Restorable } from "../../shared/suggestions/rules.ts";

/** Who is making a change: the authenticated user behind a connection and their role. */
export interface Actor {
  user: { id: string; name: string; orgId: string };
  role: Role;
  /** Suggestions this user accepted or rejected lately and may bring back by undo (set by the policy, never by a client). */
  restorable?: Restorable;
}

/** What an incoming update would do, observed on the shadow doc before the live doc sees it. */
export interface Change {
  /** Anything inside the document content changed (text, marks, nodes, attributes). */
  contentChanged: boolean;
  /** Reasons the content change is unsafe (a `javascript:` link, a node outside the schema). */
  contentProblems: string[];
  /** Shared types other than content and comments that the update touched. */
  foreignRoots: string[];
  /** The comment threads the update touched, as JSON before and after (undefined: absent). */
  threads: ThreadChange[];
  /** The top-level blocks the content change touched, before and after, flattened; computed on first call. */
  region(): RegionChange;
}

/** What the policy knows of the document itself when it judges a change. */
export interface DocumentContext {
  /** Suggestions may only be accepted by a member of a party other than the author's. */
  crossPartyAcceptance: boolean;
  /** The organisations that are the document's parties (cross-party acceptance asks for one of them). */
  parties: readonly string[];
  /** A milestone awaits approval: the content is frozen for everyone. */
  locked: boolean;
  /** The last milestone is reached: nothing may change any more, content nor comments. */
  final: boolean;
  /** The judge's clock, epoch milliseconds. */
  now: number;
}

/** One comment thread before and after an update. */
export interface ThreadChange {
  id: string;
  before: unknown;
  after: unknown;
}

/** An audit entry a validator asks for when it accepts a change (e.g. a thread resolved). */
export interface AuditNote {
  action: string;
  detail: Record<string, unknown>;
}

/** A validator refuses with a reason, or accepts (optionally noting what to audit). */
export interface Judgement {
  refuse?: string;
  audit?: AuditNote[];
}

/**
 * One rule of the update policy. Validators are pure: they read the actor and the
 * observed change and judge; the suggestion rule and the milestone lock plug in here.
 */
export type Validator = (actor: Actor, change: Change, document: DocumentContext) => Judgement;
