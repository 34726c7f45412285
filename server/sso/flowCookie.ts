import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** Name of the cookie that carries a sign-in from `start` to `callback`. */
export const FLOW_COOKIE = "accord_oidc";
/** Only the callback needs it. */
export const FLOW_COOKIE_PATH = "/api/auth/oidc";
/** Time a user has at the provider; the cookie's lifetime and the sealed start time both end it. */
export const FLOW_LIFETIME_MS = 10 * 60_000;

/** What a sign-in must remember between the redirect to the provider and its answer. */
export interface Flow {
  state: string;
  nonce: string;
  codeVerifier: string;
}

interface Sealed extends Flow {
  startedAt: number;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Longer than any cookie we write (about 250 characters); refuses work on junk before decrypting. */
const MAX_COOKIE_LENGTH = 1024;

/**
 * Seals and opens the sign-in cookie with AES-256-GCM: the browser holds the flow, so any
 * instance can finish it (no server-side state, no sticky sessions), and the browser can
 * neither read the PKCE verifier nor change the state or nonce without the tag failing.
 * The key is derived from the client secret, which every instance already shares.
 */
export class FlowCookie {
  readonly #key: Buffer;

  constructor(clientSecret: string) {
    this.#key = Buffer.from(hkdfSync("sha256", clientSecret, "accord", "oidc flow cookie v1", 32));
  }

  seal(flow: Flow, now = Date.now()): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.#key, iv);
    const sealed: Sealed = { ...flow, startedAt: now };
    const body = Buffer.concat([cipher.update(JSON.stringify(sealed), "utf8"), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
  }

  /** The flow sealed in `cookie`; null when it is missing, forged, altered or older than its lifetime. */
  open(cookie: string | undefined, now = Date.now()): Flow | null {
    if (!cookie || cookie.length > MAX_COOKIE_LENGTH) return null;
    const raw = Buffer.from(cookie, "base64url");
    if (raw.length <= IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", this.#key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const text = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString();
      const sealed = JSON.parse(text) as Sealed;
      const age = now - sealed.startedAt;
      if (!(age >= 0 && age <= FLOW_LIFETIME_MS)) return null;
      return { state: sealed.state, nonce: sealed.nonce, codeVerifier: sealed.codeVerifier };
    } catch {
      return null;
    }
  }
}
