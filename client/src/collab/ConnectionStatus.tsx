import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { CloseCode } from "../../../shared/protocol/closeCodes.ts";
import type { ConnectionSnapshot } from "./ConnectionMonitor.ts";

/**
 * The connection indicator: `data-testid="connection-status"` with `data-status` =
 * connected | offline | connecting, and the German text "Verbunden",
 * "Offline – N ungespeicherte Änderungen" or "Verbindung wird wiederhergestellt …".
 */
export function ConnectionStatus({ snapshot }: { snapshot: ConnectionSnapshot }) {
  const { t } = useTranslation();
  const hint = hintOf(t, snapshot);
  return (
    <div
      className={`status status--${snapshot.phase}`}
      data-testid="connection-status"
      data-status={snapshot.phase}
      data-pending={snapshot.pending}
      role="status"
      title={hint}
    >
      <span className="status__dot" aria-hidden="true" />
      <span className="status__text">{labelOf(t, snapshot)}</span>
    </div>
  );
}

function labelOf(t: TFunction, snapshot: ConnectionSnapshot): string {
  switch (snapshot.phase) {
    case "connected":
      return t("status.connected");
    case "offline":
      return snapshot.finalCode !== null && snapshot.pending === 0
        ? t("status.disconnected")
        : t("status.offline", { count: snapshot.pending });
    case "connecting":
      return snapshot.everSynced ? t("status.reconnecting") : t("status.connecting");
  }
}

/** Why we are reconnecting, when the server said so. */
function hintOf(t: TFunction, snapshot: ConnectionSnapshot): string | undefined {
  if (snapshot.phase === "connected") return undefined;
  if (snapshot.lastCloseCode === CloseCode.ServerRestarting) return t("status.serverRestarting");
  if (snapshot.lastCloseCode === CloseCode.StorageUnavailable) return t("status.storageUnavailable");
  return undefined;
}
