import { describe, expect, it } from "vitest";
import { alreadyRegisteredMessage } from "./already-registered.ts";
import type { EmailContent } from "./email-layout.ts";
import { invitationMessage } from "./invitation.ts";
import { noAccountMessage } from "./no-account.ts";
import { passwordResetMessage } from "./password-reset.ts";
import { reviewConflictDeclaredMessage } from "./review-conflict-declared.ts";
import { verifyEmailMessage } from "./verify-email.ts";

const baseUrl = "https://cohort.example.org/base/";
const name = `Ada <script>alert("x")</script> & co`;
const token = "cohort_test_abc";

const messages: Array<{ kind: string; message: EmailContent; subject: string; link: string; named: boolean }> = [
  {
    kind: "verify email",
    message: verifyEmailMessage({ baseUrl, name, token }),
    subject: "Confirm your email address for Cohort",
    link: `https://cohort.example.org/base/verify-email#token=${token}`,
    named: true,
  },
  {
    kind: "password reset",
    message: passwordResetMessage({ baseUrl, name, token }),
    subject: "Reset your Cohort password",
    link: `https://cohort.example.org/base/reset-password#token=${token}`,
    named: true,
  },
  {
    kind: "already registered",
    message: alreadyRegisteredMessage({ baseUrl, name, account: { kind: "provider", providerName: "GitHub", hasPassword: false }, token }),
    subject: "You already have a Cohort account",
    link: `https://cohort.example.org/base/reset-password#token=${token}`,
    named: true,
  },
  {
    kind: "no account",
    message: noAccountMessage({ baseUrl }),
    subject: "Your Cohort password reset",
    link: "https://cohort.example.org/base/sign-up",
    named: false,
  },
  {
    kind: "invitation",
    message: invitationMessage({ baseUrl, inviterName: name, role: "maintainer", where: "Harbor in LFX", email: "ada@example.org", token }),
    subject: `${name} invites you to be a maintainer in Harbor in LFX`,
    link: `https://cohort.example.org/base/invitations#token=${token}`,
    named: true,
  },
  {
    kind: "conflict of interest",
    message: reviewConflictDeclaredMessage({ baseUrl, adminName: "Ines", mentorName: name, projectTitle: "Harbor CLI", applicationId: 42 }),
    subject: 'Conflict of interest declared on "Harbor CLI"',
    link: "https://cohort.example.org/base/applications/42",
    named: true,
  },
];

describe.each(messages)("the $kind email", ({ message, subject, link, named }) => {
  it("has its subject and a plain-text part with the link written out", () => {
    expect(message.subject).toBe(subject);
    expect(message.actionUrl).toBe(link);
    expect(message.text).toContain(`:\n${link}`);
    if (named) expect(message.text).toContain(name);
  });

  it("links the same page in HTML, with the person's name escaped", () => {
    expect(message.html).toContain(`href="${link}"`);
    expect(message.html).not.toContain("<script>");
    if (named) expect(message.html).toContain("Ada &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
  });
});

describe("the already registered email", () => {
  it("tells a person with a password to sign in with it, and a person with a provider to use the provider", () => {
    const password = alreadyRegisteredMessage({ baseUrl, name: "Ada", account: { kind: "password" }, token });
    expect(password.text).toContain("sign in with your password at https://cohort.example.org/base/sign-in");
    expect(password.text).toContain("Choose a new password:");
    const provider = alreadyRegisteredMessage({ baseUrl, name: "Ada", account: { kind: "provider", providerName: "GitHub", hasPassword: false }, token });
    expect(provider.text).toContain("sign in with your GitHub");
    expect(provider.text).toContain("Set a password:");
  });
});
