import type { UpdateLog } from "../sync/UpdateLog.ts";
import type { AccountStore } from "./ports/AccountStore.ts";
import type { AttributionStore } from "./ports/AttributionStore.ts";
import type { AuditStore } from "./ports/AuditStore.ts";
import type { DocumentStore } from "./ports/DocumentStore.ts";
import type { HistoryStore } from "./ports/HistoryStore.ts";
import type { InvitationStore } from "./ports/InvitationStore.ts";
import type { MailOutboxStore } from "./ports/MailOutboxStore.ts";
import type { NotificationMailStore } from "./ports/NotificationMailStore.ts";
import type { NotificationStore } from "./ports/NotificationStore.ts";
import type { OrganisationStore } from "./ports/OrganisationStore.ts";
import type { PasswordResetStore } from "./ports/PasswordResetStore.ts";
import type { SessionStore } from "./ports/SessionStore.ts";
import type { VersionStore } from "./ports/VersionStore.ts";

export type { MergeUpdates, StoredState, UpdateRecord, UpdatesSince } from "../sync/UpdateLog.ts";
export type { InstanceRole, Language, NewUser, UserRow } from "./ports/AccountStore.ts";
export type { AuditEntry, AuditRow } from "./ports/AuditStore.ts";
export type {
  DocumentRow,
  MemberRow,
  MembershipChange,
  MembershipCheck,
  MembershipRow,
  NewDocument,
} from "./ports/DocumentStore.ts";
export type { OrganisationChange, OrganisationKind, OrganisationRow } from "./ports/OrganisationStore.ts";
export type { SessionRow } from "./ports/SessionStore.ts";
export type { ApprovalRow, VersionHead, VersionRow } from "./ports/VersionStore.ts";

/**
 * What one database holds, as the wiring (`startServer`) opens it: every port at once.
 * Nothing else should take it: each consumer names the ports it uses (sync the
 * `UpdateLog`, sign-in the `AccountStore` and `SessionStore`, …). SQLite is the embedded
 * default, PostgreSQL the scale-out; both are `sql/SqlStore.ts` over their dialect and pass
 * one contract suite.
 */
export interface Store
  extends UpdateLog,
    AttributionStore,
    HistoryStore,
    OrganisationStore,
    AccountStore,
    SessionStore,
    DocumentStore,
    VersionStore,
    AuditStore,
    InvitationStore,
    PasswordResetStore,
    MailOutboxStore,
    NotificationStore,
    NotificationMailStore {
  /** True when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}
