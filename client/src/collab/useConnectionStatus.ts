import { useSyncExternalStore } from "react";
import type { ConnectionMonitor, ConnectionSnapshot } from "./ConnectionMonitor.ts";

/** The live connection snapshot of a session's monitor. */
export function useConnectionStatus(monitor: ConnectionMonitor): ConnectionSnapshot {
  return useSyncExternalStore(monitor.subscribe, monitor.getSnapshot);
}
