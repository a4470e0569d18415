import { describe, expect, it } from "vitest";
import { loadConfig } from "../config/config.ts";
import { isAppError } from "../errors/app-error.ts";
import { createMailer, hideUrlPassword } from "./mailer.ts";

const PASSWORD = "pa:ss@w/rd";
const URL_WITH_PASSWORD = `smtp://cohort:${encodeURIComponent(PASSWORD)}@smtp.example.org:587`;

describe("mail configuration", () => {
  it("reads COHORT_SMTP_URL and COHORT_MAIL_FROM, with a default sender", () => {
    expect(loadConfig({})).toMatchObject({ smtpUrl: undefined, mailFrom: "Cohort <no-reply@localhost>" });
    expect(loadConfig({ COHORT_SMTP_URL: URL_WITH_PASSWORD, COHORT_MAIL_FROM: "Mentorship <mentorship@example.org>" })).toMatchObject({
      smtpUrl: URL_WITH_PASSWORD,
      mailFrom: "Mentorship <mentorship@example.org>",
    });
    expect(loadConfig({ COHORT_SMTP_URL: "smtps://mail.example.org:465" }).smtpUrl).toBe("smtps://mail.example.org:465");
  });

  it("refuses another scheme, naming the variable and hiding the password", () => {
    const error = (() => {
      try {
        return loadConfig({ COHORT_SMTP_URL: `https://cohort:${PASSWORD}@smtp.example.org` });
      } catch (caught) {
        return caught;
      }
    })();
    expect(isAppError(error, "INVALID_CONFIG")).toBe(true);
    expect((error as Error).message).toMatch(/^COHORT_SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect((error as Error).message).not.toContain("w/rd");
    expect(() => loadConfig({ COHORT_MAIL_FROM: "nobody" })).toThrow(/^COHORT_MAIL_FROM must be an address/);
    // A password with an unencoded "/" would silently point at another host: refused, and still hidden.
    expect(() => loadConfig({ COHORT_SMTP_URL: `smtp://cohort:${PASSWORD}@smtp.example.org` })).toThrow(
      /percent-encoded \(got "smtp:\/\/cohort:\*\*\*@smtp.example.org"\)$/,
    );
  });
});

describe("createMailer", () => {
  it("is null without COHORT_SMTP_URL", () => {
    expect(createMailer({ smtpUrl: undefined, mailFrom: "Cohort <no-reply@localhost>" })).toBeNull();
  });

  it("labels itself without the password and gives each notification one stable Message-ID", () => {
    const mailer = createMailer({ smtpUrl: URL_WITH_PASSWORD, mailFrom: "Cohort <no-reply@cohort.example.org>" });
    if (!mailer) throw new Error("no mailer");
    expect(mailer.label).toBe("smtp://cohort:***@smtp.example.org:587");
    const id = mailer.messageIdFor("application-submitted:42");
    expect(id).toBe(mailer.messageIdFor("application-submitted:42"));
    expect(id).not.toBe(mailer.messageIdFor("application-submitted:43"));
    expect(id).toMatch(/^<cohort\.[0-9a-f]{40}@cohort\.example\.org>$/);
    expect(id).not.toContain("42");
    mailer.close();
  });

  it("describes a failure without the password or any link", () => {
    const mailer = createMailer({ smtpUrl: URL_WITH_PASSWORD, mailFrom: "no-reply@cohort.example.org" });
    if (!mailer) throw new Error("no mailer");
    const error = Object.assign(
      new Error(
        `Invalid login: 535 rejected ${PASSWORD} / ${encodeURIComponent(PASSWORD)} / ${Buffer.from(PASSWORD).toString("base64")} for https://cohort.example.org/reset?token=abc`,
      ),
      { code: "EAUTH" },
    );
    const text = mailer.describeError(error);
    expect(text).toBe("EAUTH: Invalid login: 535 rejected *** / *** / *** for [link]");
    mailer.close();
  });

  it("hides the password of a URL", () => {
    expect(hideUrlPassword("smtps://user:secret@mail.example.org:465")).toBe("smtps://user:***@mail.example.org:465");
    expect(hideUrlPassword("smtp://mail.example.org")).toBe("smtp://mail.example.org");
  });
});
