import { createHash, randomBytes } from "node:crypto";

/** A link token: 32 random bytes (256 bits), base64url. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Only a token's SHA-256 is stored: a copy of the database holds no usable link. */
export const hashToken = (token: string): string => createHash("sha256").update(token).digest("base64url");

/** A new random token and the hash to store for it. */
export function newToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashToken(token) };
}

/** True for something shaped like a token; anything else is refused before it reaches the store. */
export const isTokenShaped = (value: string): boolean => TOKEN.test(value);
