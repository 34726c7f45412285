import type { Logger } from "../log.ts";
import type { AuditRecord, SyncPorts } from "./SyncPorts.ts";

/**
 * Audit entries are written off the update path, so a slow audit table never delays a
 * keystroke; a failure is logged, never silently lost.
 */
export const auditLater =
  (ports: Pick<SyncPorts, "appendAudit">, log: Logger) =>
  (entry: AuditRecord): void => {
    ports.appendAudit(entry).catch((err: unknown) => {
      const { documentId, userId, action } = entry;
      log.error("audit entry not written", { documentId, userId, action, error: String(err) });
    });
  };
