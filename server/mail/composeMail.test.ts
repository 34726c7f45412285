import { describe, expect, it } from "vitest";
import { LANGUAGES } from "../store/ports/AccountStore.ts";
import { composeMail } from "./composeMail.ts";

const HOSTILE = `<img src=x onerror=alert(1)> "Ü" & 'x'`;
const LINK = 'https://accord.example.ch/#/reset/abc?x=1&y="2"';

describe("composeMail", () => {
  it.each(LANGUAGES)(
    "writes every message in %s, with the link in text and HTML and every value escaped",
    (language) => {
      const invitation = composeMail(
        "invitation",
        language,
        { name: HOSTILE, orgName: HOSTILE, inviterName: HOSTILE, expiresAt: "1. Januar" },
        LINK,
      );
      const reset = composeMail("password_reset", language, { name: HOSTILE, expiresAt: "1. Januar" }, LINK);
      const changed = composeMail("password_changed", language, { name: HOSTILE, at: "1. Januar" }, null);
      for (const m of [invitation, reset, changed]) {
        expect(m.text).toContain(HOSTILE);
        expect(m.html).not.toContain("<img");
        expect(m.html).not.toContain(`"Ü"`);
        expect(m.html).toContain("&lt;img src=x onerror=alert(1)&gt; &quot;Ü&quot; &amp; &#39;x&#39;");
        expect(m.html).toContain(`<html lang="${language}">`);
      }
      for (const m of [invitation, reset]) {
        expect(m.text).toContain(LINK);
        expect(m.html).toContain('href="https://accord.example.ch/#/reset/abc?x=1&amp;y=&quot;2&quot;"');
      }
      expect(changed.text).not.toContain("https://");
      expect(new Set([invitation.subject, reset.subject, changed.subject]).size).toBe(3);
    },
  );

  it("speaks a different language in each", () => {
    const subjects = LANGUAGES.map(
      (l) => composeMail("password_reset", l, { name: "A", expiresAt: "x" }, LINK).subject,
    );
    expect(new Set(subjects).size).toBe(4);
  });
});
