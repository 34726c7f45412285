import { Hono } from "hono";
import {
  AccountUpdate,
  PasswordChangeRequest,
  ResetPasswordRequest,
  ResetRequest,
} from "../../../shared/api/accountSchemas.ts";
import { publicUser } from "../../accounts/accounts.ts";
import { LoginThrottle } from "../../accounts/LoginThrottle.ts";
import { changePassword } from "../../accounts/passwordChange.ts";
import { PasswordResets, type ResetDeps } from "../../accounts/passwordReset.ts";
import type { Config } from "../../config.ts";
import type { OrganisationStore } from "../../store/ports/OrganisationStore.ts";
import type { SessionStore } from "../../store/ports/SessionStore.ts";
import { readBody } from "../body.ts";
import { clientAddress } from "../clientAddress.ts";
import { addressKey } from "../rateLimit.ts";
import { requireSession, type SessionVariables } from "../session.ts";
import { signIn } from "../signIn.ts";

/** The signed-in user's password and language; password reset by e-mail. */
export function passwordRoutes(deps: ResetDeps & { store: SessionStore & OrganisationStore }, config: Config) {
  const resets = new PasswordResets(deps);
  const throttle = new LoginThrottle(config.loginLimits);
  return new Hono<{ Variables: SessionVariables }>()
    .post("/auth/password", requireSession(deps.store), async (c) => {
      const request = await readBody(c, PasswordChangeRequest);
      const counted = addressKey(clientAddress(c, config.trustedProxies));
      await changePassword({ ...deps, throttle }, c.get("user"), c.get("sessionId"), counted, request);
      return c.body(null, 204);
    })
    .patch("/me", requireSession(deps.store), async (c) => {
      const { language } = await readBody(c, AccountUpdate);
      const user = c.get("user");
      await deps.store.setLanguage(user.id, language);
      return c.json(await publicUser(deps.store, { ...user, language }));
    })
    .post("/auth/reset", async (c) => {
      const { email } = await readBody(c, ResetRequest);
      const address = clientAddress(c, config.trustedProxies);
      resets.request(email, addressKey(address), address);
      return c.body(null, 202);
    })
    .post("/auth/reset/:token", async (c) => {
      const { password } = await readBody(c, ResetPasswordRequest);
      const user = await resets.complete(c.req.param("token"), password);
      return c.json({ user: await signIn(c, deps.store, config, user, "reset") });
    });
}
