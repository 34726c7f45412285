import { describe, expect, it } from "vitest";
import { parseConfig } from "../../server/config.ts";
import { startServer } from "../../server/startServer.ts";
import { apiClient } from "../helpers/api.ts";
import { cleanup } from "../helpers/cleanup.ts";
import { recordingLogger } from "../helpers/recordingLogger.ts";
import { login, tempDataDir, testEnv } from "../helpers/server.ts";
import { startSmtpServer } from "../helpers/smtpServer.ts";

const ADMIN = "sandra.keller@sem.admin.ch";
const HOSTILE_NAME = "<img src=x onerror=alert(1)>";

describe("mail through a real SMTP server", async () => {
  const smtp = await startSmtpServer();
  const log = recordingLogger();
  const config = parseConfig(
    testEnv(tempDataDir(), {
      SMTP_URL: smtp.url,
      MAIL_FROM: "Accord Test <accord@test.example>",
      PUBLIC_URL: "https://accord.example.ch",
    }),
  );
  const server = await startServer(config, log);
  cleanup(() => server.close());
  const call = apiClient(server.url);
  const admin = await login(server.url, ADMIN);

  it("says at start-up that it sends through SMTP, naming host and port but never the password", () => {
    const line = log.lines.find((l) => l.includes('"msg":"mail"'));
    expect(line).toContain("SMTP via smtp://127.0.0.1:");
    expect(log.lines.join("\n")).not.toContain(smtp.credentials.pass);
  });

  it("mails an invitation in the invitee's language with a working link, and shows the administrator no link", async () => {
    const created = await call<{ url: string | null; mailed: boolean }>("POST", "/api/invitations", {
      cookie: admin,
      json: { email: "anne.roux@vd.ch", orgId: "kanton-vd", name: HOSTILE_NAME, language: "fr" },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ url: null, mailed: true });

    const mail = smtp.received.find((m) => m.to === "anne.roux@vd.ch");
    expect(mail).toBeDefined();
    if (!mail) return;
    expect(mail.user).toBe(smtp.credentials.user);
    expect(mail.from).toBe('"Accord Test" <accord@test.example>');
    expect(mail.subject).toBe("Invitation à Accord : Canton de Vaud");
    expect(mail.text).toContain("Sandra Keller vous invite à collaborer dans Accord pour Canton de Vaud.");
    // The name typed by the administrator is text in the HTML, never markup.
    expect(mail.html).not.toContain("<img");
    expect(mail.html).toContain("&lt;img src=x onerror=alert(1)&gt;");

    const link = /https:\/\/accord\.example\.ch\/#\/invitation\/([A-Za-z0-9_-]{43})/.exec(mail.text);
    expect(link).not.toBeNull();
    const token = link?.[1] ?? "";
    expect(mail.html).toContain(`href="https://accord.example.ch/#/invitation/${token}"`);
    expect((await call("GET", `/api/invitations/${token}`)).body).toMatchObject({ email: "anne.roux@vd.ch" });
    const accepted = await call<{ user: { language: string; orgId: string } }>(
      "POST",
      `/api/invitations/${token}/accept`,
      { json: { name: "Anne Roux", password: "Lac-Léman-Lausanne-2026" } },
    );
    expect(accepted.status).toBe(201);
    expect(accepted.body.user).toMatchObject({ orgId: "kanton-vd", language: "fr" });
  });

  it("mails a reset link in the account's language, and then a notice that the password changed", async () => {
    const before = smtp.received.length;
    expect((await call("POST", "/api/auth/reset", { json: { email: "marco.rossi@sem.admin.ch" } })).status).toBe(202);
    await server.mail.settled();
    const reset = smtp.received.slice(before).find((m) => m.to === "marco.rossi@sem.admin.ch");
    expect(reset?.subject).toBe("Accord: Passwort zurücksetzen");
    const token = /#\/reset\/([A-Za-z0-9_-]{43})/.exec(reset?.text ?? "")?.[1] ?? "";
    const done = await call("POST", `/api/auth/reset/${token}`, { json: { password: "Gotthard-Basistunnel-57" } });
    expect(done.status).toBe(200);
    await server.mail.settled();
    const notice = smtp.received.slice(before).find((m) => m.subject === "Accord: Ihr Passwort wurde geändert");
    expect(notice?.to).toBe("marco.rossi@sem.admin.ch");
    expect(notice?.text).not.toMatch(/#\/reset\//);
  });

  it("keeps tokens and the SMTP password out of every log line", () => {
    const all = log.lines.join("\n");
    expect(all).not.toContain(smtp.credentials.pass);
    for (const m of smtp.received) {
      for (const token of m.text.match(/[A-Za-z0-9_-]{43}/g) ?? []) expect(all).not.toContain(token);
    }
  });
});
