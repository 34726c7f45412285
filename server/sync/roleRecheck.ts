import { CloseCode, closeReason } from "../../shared/protocol/closeCodes.ts";
import type { Logger } from "../log.ts";
import type { Room } from "./Room.ts";
import type { SyncPorts } from "./SyncPorts.ts";

/**
 * Renews the connections of users whose role is no longer the one they connected with
 * (after relayed access events may have been lost). A role that cannot be read now counts
 * as changed: the connection is renewed, so the role is checked again when it reconnects.
 */
export async function recheckRoles(room: Room, ports: Pick<SyncPorts, "roleOf">, log: Logger): Promise<void> {
  for (const [userId, role] of room.connectedRoles()) {
    try {
      if ((await ports.roleOf(room.documentId, userId)) === role) continue;
    } catch (err) {
      log.warn("role check failed", { documentId: room.documentId, error: String(err) });
    }
    room.closeUser(userId, CloseCode.RenewConnection, closeReason[CloseCode.RenewConnection]);
  }
}
