import { describe, expect, it } from "vitest";
import { parseConfig } from "./config.ts";

describe("parseConfig", () => {
  it("listens on port 8080 and accepts WebSocket messages up to 4 MiB by default", () => {
    const config = parseConfig({});
    expect(config.port).toBe(8080);
    expect(config.maxMessageBytes).toBe(4 * 1024 * 1024);
  });

  it("reads numbers from their string form in the environment", () => {
    expect(parseConfig({ PORT: "0", MAX_BODY_BYTES: "2048" })).toMatchObject({ port: 0, maxBodyBytes: 2048 });
  });

  it("fails fast on a PORT that is not a number, naming PORT", () => {
    expect(() => parseConfig({ PORT: "abc" })).toThrow(/PORT/);
  });

  it("lists every invalid variable at once", () => {
    expect(() => parseConfig({ PORT: "abc", LOG_LEVEL: "loud" })).toThrow(/PORT.*LOG_LEVEL|LOG_LEVEL.*PORT/);
  });

  it("bounds uploaded archives to 2,000 entries and 32 MiB inflated by default, and refuses 0", () => {
    expect(parseConfig({}).verifyZipLimits).toEqual({ maxEntries: 2000, maxTotalBytes: 32 * 1024 * 1024 });
    expect(parseConfig({ VERIFY_MAX_INFLATED_BYTES: "1048576" }).verifyZipLimits.maxTotalBytes).toBe(1048576);
    expect(() => parseConfig({ VERIFY_MAX_ENTRIES: "0" })).toThrow(/VERIFY_MAX_ENTRIES/);
  });

  it("reads ALLOWED_ORIGINS as a trimmed list, empty by default (same origin only)", () => {
    expect(parseConfig({}).allowedOrigins).toEqual([]);
    expect(parseConfig({ ALLOWED_ORIGINS: " https://intranet.so.ch, http://localhost:5173 ," }).allowedOrigins).toEqual(
      ["https://intranet.so.ch", "http://localhost:5173"],
    );
  });

  it.each(["https://intranet.so.ch/", "intranet.so.ch", "https://intranet.so.ch/path", "*"])(
    "refuses %s in ALLOWED_ORIGINS, naming the variable",
    (value) => {
      expect(() => parseConfig({ ALLOWED_ORIGINS: value })).toThrow(/ALLOWED_ORIGINS/);
    },
  );

  it("has the sign-in and connection limits of the issue by default", () => {
    expect(parseConfig({})).toMatchObject({
      loginLimits: { perAccountAddress: 5, perAddress: 20, perAccount: 100, windowMs: 15 * 60_000 },
      maxConnectionsPerUser: 20,
      maxConnectionsPerAddress: 50,
      handshakeTimeoutMs: 10_000,
    });
    expect(() => parseConfig({ MAX_CONNECTIONS_PER_USER: "0" })).toThrow(/MAX_CONNECTIONS_PER_USER/);
  });

  it("takes a fractional SESSION_HOURS down to one second, and refuses less", () => {
    expect(parseConfig({}).sessionMs).toBe(12 * 3600_000);
    expect(parseConfig({ SESSION_HOURS: "0.5" }).sessionMs).toBe(1800_000);
    expect(parseConfig({ SESSION_HOURS: "0.0005" }).sessionMs).toBe(1800);
    expect(() => parseConfig({ SESSION_HOURS: "0.0001" })).toThrow(/SESSION_HOURS/);
    expect(parseConfig({}).sessionCheckMs).toBe(5000);
  });

  it("limits verifications to 30 a minute per address and trusts no proxy by default", () => {
    expect(parseConfig({}).verifyLimit).toEqual({ max: 30, windowMs: 60_000 });
    expect(parseConfig({}).trustedProxies.size).toBe(0);
    expect([...parseConfig({ TRUST_PROXY: "10.0.0.2, ::FFFF:10.0.0.3,::1" }).trustedProxies]).toEqual([
      "10.0.0.2",
      "10.0.0.3",
      "::1",
    ]);
    expect(() => parseConfig({ TRUST_PROXY: "proxy.internal" })).toThrow(/TRUST_PROXY/);
    expect(() => parseConfig({ VERIFY_MAX_PER_ADDRESS: "0" })).toThrow(/VERIFY_MAX_PER_ADDRESS/);
  });
});

describe("mail configuration", () => {
  it("batches notification mail by 15 minutes, gathers bursts for 2 and sweeps every minute by default", () => {
    expect(parseConfig({}).notifyMail).toEqual({ windowMs: 900_000, delayMs: 120_000, sweepMs: 60_000 });
    expect(parseConfig({ NOTIFY_MAIL_WINDOW_MS: "2000", NOTIFY_MAIL_DELAY_MS: "0" }).notifyMail).toMatchObject({
      windowMs: 2000,
      delayMs: 0,
    });
    expect(() => parseConfig({ NOTIFY_MAIL_WINDOW_MS: "10" })).toThrow(/NOTIFY_MAIL_WINDOW_MS/);
    expect(() => parseConfig({ NOTIFY_MAIL_SWEEP_MS: "99999999999" })).toThrow(/NOTIFY_MAIL_SWEEP_MS/);
  });

  it("uses the local outbox without SMTP_URL, links to localhost and invites for 7 days", () => {
    expect(parseConfig({ PORT: "9000" })).toMatchObject({
      smtpUrl: null,
      mailFrom: "Accord <accord@localhost>",
      publicUrl: "http://localhost:9000",
      invitationTtlMs: 7 * 86_400_000,
    });
  });

  it("reads SMTP_URL, MAIL_FROM, PUBLIC_URL and INVITATION_TTL", () => {
    expect(
      parseConfig({
        SMTP_URL: "smtps://accord:secret@mail.so.ch:465",
        MAIL_FROM: "Accord Kanton SO <accord@so.ch>",
        PUBLIC_URL: "https://accord.so.ch",
        INVITATION_TTL: "36h",
      }),
    ).toMatchObject({
      smtpUrl: "smtps://accord:secret@mail.so.ch:465",
      mailFrom: "Accord Kanton SO <accord@so.ch>",
      publicUrl: "https://accord.so.ch",
      invitationTtlMs: 36 * 3600_000,
    });
  });

  it.each([
    ["SMTP_URL", "http://mail.so.ch"],
    ["SMTP_URL", "mail.so.ch:25"],
    ["MAIL_FROM", "not an address"],
    ["MAIL_FROM", "Accord <accord@so.ch>\r\nBcc: all@so.ch"],
    ["PUBLIC_URL", "https://accord.so.ch/path"],
    ["INVITATION_TTL", "7 days"],
    ["INVITATION_TTL", "10s"],
  ])("refuses %s=%j, naming it", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(name));
  });
});
