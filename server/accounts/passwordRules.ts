import { readFileSync } from "node:fs";
import { weakPassword } from "../errors.ts";

/** The shortest password a person may choose (NIST SP 800-63B asks for at least 8; we ask 10). */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * The 10,000 most common passwords of Mark Burnett's ten million passwords (released into
 * the public domain), as ranked in zxcvbn's `data/passwords.txt` (Dropbox, MIT licence).
 * Compared in lower case.
 */
const COMMON = new Set(
  readFileSync(new URL("./commonPasswords.txt", import.meta.url), "utf8")
    .split("\n")
    .map((p) => p.trim().toLowerCase())
    .filter(Boolean),
);
// Published in the README for the seeded demo users, so anyone knows it.
COMMON.add("accord-demo");

/**
 * Refuses (422 `weak_password`, changing nothing) a password a person chose that is too
 * short, on the common list (also with digits or symbols only appended: "password2026!"),
 * or the account's own e-mail or name. The demo password is set by the seed, never here.
 */
export function checkNewPassword(password: string, account: { email: string; name?: string | null }): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw weakPassword(`a password needs at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, "");
  if (COMMON.has(lower) || COMMON.has(stem)) throw weakPassword("this password is among the most common ones");
  const personal = [account.email, account.email.split("@")[0] ?? "", account.name ?? ""].map((s) => s.toLowerCase());
  if (personal.some((p) => p.length > 0 && (lower === p || stem === p))) {
    throw weakPassword("a password must not be your e-mail address or name");
  }
}
