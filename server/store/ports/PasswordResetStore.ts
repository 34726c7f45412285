/** Password reset tokens (by hash): single-use, expiring. */
export interface PasswordResetStore {
  /** The user of an unused, unexpired token, or null. */
  findPasswordReset(tokenHash: string, now: Date): Promise<string | null>;
  createPasswordReset(tokenHash: string, userId: string, createdAt: Date, expiresAt: Date): Promise<void>;
  /**
   * In one transaction: uses the unused, unexpired token of an active user, sets the new
   * password hash and deletes every session of the user. Returns the user's id, or null
   * (nothing written) for an unknown, used or expired token or a deactivated user.
   */
  resetPassword(tokenHash: string, now: Date, passwordHash: string): Promise<string | null>;
}
