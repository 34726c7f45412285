import { isIP } from "node:net";
import path from "node:path";
import { z } from "zod";
import { normaliseAddress, type TrustedProxies } from "./http/clientAddress.ts";
import { OIDC_ENV, readOidcSettings } from "./sso/oidcConfig.ts";

const MiB = 1024 * 1024;

/** True for a bare origin: http(s), host, optional port, nothing after. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.origin === value;
  } catch {
    return false;
  }
}

/** True for an address Accord may send mail as: `a@b.ch` or `Name <a@b.ch>`, one line. */
function isMailFrom(value: string): boolean {
  return (
    /^(?:[^<>\r\n"]+ <)?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?$/.test(value) && value.includes("<") === value.endsWith(">")
  );
}

const DURATION_UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3600_000, d: 86_400_000 };

/** A duration such as `7d`, `36h`, `90m` or `30s`, in milliseconds. */
const Duration = z
  .string()
  .regex(/^\d+[smhd]$/, "a duration such as 7d, 36h, 90m or 30s")
  .transform((v) => Number(v.slice(0, -1)) * (DURATION_UNITS[v.slice(-1)] ?? 0))
  .refine((ms) => ms >= 60_000, "at least one minute");

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default(".data"),
  /** Largest WebSocket frame accepted; larger frames close the connection with 1009. */
  MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(4 * MiB),
  /** Largest REST request body. */
  MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(64 * 1024),
  /** Largest file accepted by POST /api/verify (an exported PDF, DOCX or archive). */
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * MiB),
  /** Entries an uploaded archive (DOCX, bundle) may have; more is refused with 413. */
  VERIFY_MAX_ENTRIES: z.coerce.number().int().min(1).default(2000),
  /**
   * Bytes the parts of an uploaded archive that verification reads (the DOCX text, the
   * manifest) may inflate to together; more is refused with 413 (zip bombs).
   */
  VERIFY_MAX_INFLATED_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(32 * MiB),
  /** How long an empty room stays in memory before it is unloaded. */
  ROOM_IDLE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Log rows after which a document's log is folded into a new snapshot. */
  COMPACT_THRESHOLD: z.coerce.number().int().min(1).default(500),
  /** Session lifetime in hours; fractions allowed (0.5 = 30 minutes), at least one second. */
  SESSION_HOURS: z.coerce
    .number()
    .min(1 / 3600, "at least one second (1/3600)")
    .default(12),
  /** How often the sessions of open WebSockets are checked against the store (expiry, ends no event announced). */
  SESSION_CHECK_MS: z.coerce.number().int().min(50).default(5000),
  /** Always mark the session cookie Secure (it is anyway when the request came over HTTPS). */
  COOKIE_SECURE: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  ACCORD_DEMO_PASSWORD: z.string().min(8).default("accord-demo"),
  /** Where the built client is served from. */
  STATIC_DIR: z.string().default("dist"),
  /** Further origins whose browser pages may call the API and open WebSockets (comma-separated). */
  ALLOWED_ORIGINS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    // Browsers send an origin exactly as scheme://host[:port]; "https://x.ch/" would never match.
    .refine((list) => list.every(isOrigin), "each entry must be an origin such as https://intranet.so.ch"),
  /** Failed sign-ins to one account from one address, per window. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: z.coerce.number().int().min(1).default(5),
  /** Failed sign-ins from one address, whatever the accounts, per window. */
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  /** Failed sign-ins to one account from all addresses together, per window: a cap on distributed guessing. */
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(100),
  LOGIN_WINDOW_MINUTES: z.coerce.number().min(0.01).default(15),
  MAX_CONNECTIONS_PER_USER: z.coerce.number().int().min(1).default(20),
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  /** Time a client has to finish the HTTP upgrade request, and then to start the sync handshake. */
  HANDSHAKE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** postgres://… selects the PostgreSQL store; unset, the embedded SQLite file is used. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")
    .optional(),
  /** redis://… relays updates, awareness and events between instances; unset, one instance. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// URL")
    .optional(),
  /** Prefix of Accord's Redis channels, so that several deployments can share one Redis. */
  REDIS_PREFIX: z.string().max(64).default("accord:"),
  /** With other instances: how often an open room checks the store for updates it missed. */
  GAP_CHECK_MS: z.coerce.number().int().min(50).default(2000),
  /** Verifications one client address may ask for per window (POST /api/verify is public). */
  VERIFY_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(30),
  VERIFY_WINDOW_SECONDS: z.coerce.number().min(1).default(60),
  /** Verifications worked on at once, and how many more may wait; beyond: 503 server_busy. */
  VERIFY_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  VERIFY_QUEUE: z.coerce.number().int().min(0).default(8),
  /**
   * Addresses of the reverse proxies in front of Accord (comma-separated). Only from these
   * peers are X-Forwarded-For and X-Forwarded-Proto believed; from anyone else a client
   * could forge them.
   */
  TRUST_PROXY: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .refine((list) => list.every((a) => isIP(a) !== 0), "each entry must be an IP address such as 10.0.0.2"),
  /** If set, GET /metrics requires `Authorization: Bearer <token>`; unset, it answers this machine only. */
  METRICS_TOKEN: z.string().min(16).optional(),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  ...OIDC_ENV,
  /** smtp:// or smtps://[user:password@]host[:port]: mail through this server; unset, the local outbox. */
  SMTP_URL: z
    .string()
    .refine((v) => {
      try {
        const url = new URL(v);
        return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
      } catch {
        return false;
      }
    }, "must be an smtp:// or smtps:// URL with a host")
    .optional(),
  MAIL_FROM: z
    .string()
    .refine(isMailFrom, "must be an address such as accord@so.ch or Accord <accord@so.ch>")
    .default("Accord <accord@localhost>"),
  /**
   * The address people open Accord at (scheme, host, optional port): links in e-mails start
   * with it. Never taken from a request's Host header, which a client can forge to send a
   * victim a reset link to the attacker's site.
   */
  PUBLIC_URL: z.string().refine(isOrigin, "must be an origin such as https://accord.so.ch").optional(),
  /** How long an invitation link stays valid. */
  INVITATION_TTL: z.string().default("7d").pipe(Duration),
  /** Password reset requests per e-mail address, and per client address, per hour. */
  RESET_MAX_PER_EMAIL: z.coerce.number().int().min(1).default(3),
  RESET_MAX_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  /** At most one notification mail per user and document within this many milliseconds (issue 16). */
  NOTIFY_MAIL_WINDOW_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .max(86_400_000)
    .default(15 * 60_000),
  /**
   * How long a first notification waits for more before its mail leaves, so that a burst
   * (ten comments in a minute) is one mail rather than one now and the rest a window later.
   */
  NOTIFY_MAIL_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3_600_000)
    .default(2 * 60_000),
  /** How often pending notification mail is looked for in the store (what timers lost in a restart). */
  NOTIFY_MAIL_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
});

/** The server's configuration, parsed once from the environment at start-up. */
export type Config = ReturnType<typeof parseConfig>;

/** Parses and checks the environment; throws with every problem listed, so start-up fails fast. */
export function parseConfig(env: Record<string, string | undefined>) {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`invalid configuration: ${problems}`);
  }
  const c = result.data;
  const oidc = readOidcSettings(c);
  if (oidc.problems.length > 0) throw new Error(`invalid configuration: ${oidc.problems.join("; ")}`);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: path.resolve(c.DATA_DIR),
    maxMessageBytes: c.MAX_MESSAGE_BYTES,
    maxBodyBytes: c.MAX_BODY_BYTES,
    maxUploadBytes: c.MAX_UPLOAD_BYTES,
    /** Bounds of an uploaded archive (server/archive/readZip.ts). */
    verifyZipLimits: { maxEntries: c.VERIFY_MAX_ENTRIES, maxTotalBytes: c.VERIFY_MAX_INFLATED_BYTES },
    roomIdleMs: c.ROOM_IDLE_MS,
    compactThreshold: c.COMPACT_THRESHOLD,
    sessionMs: Math.round(c.SESSION_HOURS * 3600_000),
    sessionCheckMs: c.SESSION_CHECK_MS,
    cookieSecure: c.COOKIE_SECURE,
    demoPassword: c.ACCORD_DEMO_PASSWORD,
    staticDir: path.resolve(c.STATIC_DIR),
    logLevel: c.LOG_LEVEL,
    databaseUrl: c.DATABASE_URL ?? null,
    redisUrl: c.REDIS_URL ?? null,
    redisPrefix: c.REDIS_PREFIX,
    gapCheckMs: c.GAP_CHECK_MS,
    metricsToken: c.METRICS_TOKEN ?? null,
    verifyLimit: { max: c.VERIFY_MAX_PER_ADDRESS, windowMs: c.VERIFY_WINDOW_SECONDS * 1000 },
    verifyConcurrency: { running: c.VERIFY_CONCURRENCY, queued: c.VERIFY_QUEUE },
    trustedProxies: new Set(c.TRUST_PROXY.map(normaliseAddress)) as TrustedProxies,
    allowedOrigins: c.ALLOWED_ORIGINS,
    loginLimits: {
      perAccountAddress: c.LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS,
      perAddress: c.LOGIN_MAX_FAILURES_PER_ADDRESS,
      perAccount: c.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      windowMs: c.LOGIN_WINDOW_MINUTES * 60_000,
    },
    maxConnectionsPerUser: c.MAX_CONNECTIONS_PER_USER,
    maxConnectionsPerAddress: c.MAX_CONNECTIONS_PER_ADDRESS,
    handshakeTimeoutMs: c.HANDSHAKE_TIMEOUT_MS,
    /** Single sign-on with OpenID Connect; null when it is off (server/sso/). */
    oidc: oidc.settings,
    smtpUrl: c.SMTP_URL ?? null,
    mailFrom: c.MAIL_FROM,
    publicUrl: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
    invitationTtlMs: c.INVITATION_TTL,
    resetLimits: { perEmail: c.RESET_MAX_PER_EMAIL, perAddress: c.RESET_MAX_PER_ADDRESS, windowMs: 3600_000 },
    notifyMail: { windowMs: c.NOTIFY_MAIL_WINDOW_MS, delayMs: c.NOTIFY_MAIL_DELAY_MS, sweepMs: c.NOTIFY_MAIL_SWEEP_MS },
  };
}
