import { useEffect } from "react";
import { isApiError } from "../../api/ApiError.ts";
import { fetchMe } from "../../api/auth.ts";
import type { ConnectionMonitor } from "../../collab/ConnectionMonitor.ts";

/**
 * A refused upgrade reaches the browser as a bare 1006: ask the API whether the session
 * is still valid, and call `onSessionExpired` if not. Network errors mean "server down":
 * the provider keeps retrying.
 */
export function useSessionCheck(monitor: ConnectionMonitor, onSessionExpired: () => void): void {
  useEffect(() => {
    let checking = false; // one question at a time while the provider keeps retrying
    return monitor.onRefused(() => {
      if (checking) return;
      checking = true;
      fetchMe()
        .catch((err: unknown) => {
          if (isApiError(err, "unauthorized")) onSessionExpired();
        })
        .finally(() => {
          checking = false;
        });
    });
  }, [monitor, onSessionExpired]);
}
