import { hashToken, isTokenShaped, newToken } from "../accounts/tokens.ts";
import type { AccountStore, UserRow } from "../store/ports/AccountStore.ts";
import type { NotificationMailStore } from "../store/ports/NotificationMailStore.ts";

/** An unsubscribe link works for 90 days; every mail carries a fresh one. */
export const UNSUBSCRIBE_TTL_MS = 90 * 86_400_000;

export const UNSUBSCRIBE_PATH = "/api/notifications/unsubscribe";

/**
 * The link in a mail's footer and its List-Unsubscribe header. The token is in the query, not
 * after `#`: mail clients POST to this very URL (RFC 8058) and never run the app.
 */
export const unsubscribeUrl = (publicUrl: string, token: string): string =>
  `${publicUrl}${UNSUBSCRIBE_PATH}?token=${token}`;

type TokenStore = Pick<NotificationMailStore, "addUnsubscribeToken" | "unsubscribeTokenUser">;

/** A new token for a mail to `userId`; only its hash is stored. */
export async function issueUnsubscribeToken(store: TokenStore, userId: string, now: Date): Promise<string> {
  const { token, hash } = newToken();
  await store.addUnsubscribeToken(hash, userId, new Date(now.getTime() + UNSUBSCRIBE_TTL_MS));
  return token;
}

/** The account an unexpired token was issued to; null for anything else, malformed or unknown. */
export async function tokenHolder(
  store: TokenStore & Pick<AccountStore, "findUserById">,
  token: string,
  now: Date,
): Promise<UserRow | null> {
  if (!isTokenShaped(token)) return null;
  const userId = await store.unsubscribeTokenUser(hashToken(token), now);
  return userId ? store.findUserById(userId) : null;
}

/**
 * Switches notification mail off for the token's own user, keeping their muted kinds (for
 * when they switch it on again). Null, changing nothing, for a bad token.
 */
export async function unsubscribe(
  store: TokenStore &
    Pick<AccountStore, "findUserById"> &
    Pick<NotificationMailStore, "notificationSettings" | "setNotificationSettings">,
  token: string,
  now: Date,
): Promise<UserRow | null> {
  const user = await tokenHolder(store, token, now);
  if (!user) return null;
  const { mutedKinds } = await store.notificationSettings(user.id);
  await store.setNotificationSettings(user.id, { email: false, mutedKinds }, now);
  return user;
}
