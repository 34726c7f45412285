import { useCallback, useEffect, useState } from "react";
import type { User } from "../../../../shared/api/schemas.ts";
import { isApiError } from "../../api/ApiError.ts";
import { fetchMe, logout } from "../../api/auth.ts";
import { useOnReturn } from "../../lib/useOnReturn.ts";

/** Where the app stands with the session cookie. */
export type AuthState =
  | { status: "loading" }
  | { status: "signedOut" }
  | { status: "signedIn"; user: User }
  | { status: "failed"; error: unknown };

/** The session, and the ways to change it. */
export interface Auth {
  state: AuthState;
  /** Call after a successful sign-in. */
  signedIn: (user: User) => void;
  /** Signs out on the server, then locally (locally even if the server is unreachable). */
  signOut: () => Promise<void>;
  /** The server no longer knows the session (a 401 somewhere): show the sign-in page. */
  expired: () => void;
  /** Asks the server again who is signed in. */
  reload: () => void;
}

/** Loads the signed-in user from `GET /api/me` on start, and again whenever they return to the tab. */
export function useAuth(): Auth {
  const [state, setState] = useState<AuthState>({ status: "loading" });

  const reload = useCallback(() => {
    setState({ status: "loading" });
    fetchMe().then(
      (user) => setState({ status: "signedIn", user }),
      (error: unknown) =>
        setState(isApiError(error, "unauthorized") ? { status: "signedOut" } : { status: "failed", error }),
    );
  }, []);

  useEffect(reload, [reload]);

  // An administrator may have changed the role meanwhile (the admin link follows it), or ended
  // the session. Quietly: a network error keeps what is shown.
  useOnReturn(() => {
    fetchMe().then(
      (user) =>
        setState((prev) =>
          prev.status === "signedIn" && JSON.stringify(prev.user) !== JSON.stringify(user)
            ? { status: "signedIn", user }
            : prev,
        ),
      (error: unknown) => {
        if (isApiError(error, "unauthorized"))
          setState((prev) => (prev.status === "signedIn" ? { status: "signedOut" } : prev));
      },
    );
  }, state.status === "signedIn");

  const signedIn = useCallback((user: User) => setState({ status: "signedIn", user }), []);
  const expired = useCallback(() => setState({ status: "signedOut" }), []);
  const signOut = useCallback(async () => {
    // Signing out must always work for the user, even when the server cannot be reached.
    await logout().catch(() => undefined);
    setState({ status: "signedOut" });
  }, []);

  return { state, signedIn, signOut, expired, reload };
}
