import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signUpAndVerify, tokenFromLatestEmail } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { createProgramAdmin } from "../../../commands/accounts/create-program-admin.ts";
import { seedDemoIfEmpty } from "../../../demo/seed-demo.ts";
import { listOutbox } from "../../../storage/repos/outbox-repo.ts";

const PASSWORD = "a long enough password";
const RESEND = "/api/auth/verify/resend";

describe.each(testDialects())("sending the confirmation link again, on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    // A server that sends email; the answer without SMTP is tested below.
    t = await createTestApp(dialect, { rateLimits: false, config: { smtpUrl: "smtp://mail.example.org:25" } });
    t.setNow("2026-11-25T10:00:00Z");
    await seedDemoIfEmpty(t.context.database, t.context.now());
  }, 60_000);
  afterAll(() => t.dispose());

  const post = (url: string, payload: object) => t.app.inject({ method: "POST", url, payload });
  const confirmationLinks = async (email: string) =>
    (await listOutbox(t.context.database.db, { limit: 500, offset: 0 })).items.filter(
      (item) => item.recipientEmail === email && item.bodyText.includes("/verify-email#token="),
    ).length;
  const emailsTo = async (email: string) =>
    (await listOutbox(t.context.database.db, { limit: 500, offset: 0 })).items.filter((item) => item.recipientEmail === email).length;
  /** The answer with the address taken out: it must not tell one kind of address from another. */
  const answerFor = async (email: string) => {
    const response = await post(RESEND, { email });
    expect(response.statusCode).toBe(202);
    return response.json().message.replace(email, "X");
  };

  it("an unconfirmed sign-up gets a new link that confirms; the earlier link works until one of them is used", async () => {
    const email = "una@example.org";
    await post("/api/auth/signup", { name: "Una", email, password: PASSWORD });
    const first = await tokenFromLatestEmail(t, email, "/verify-email");
    expect(await answerFor(email)).toMatch(/a new link is on its way/);
    const second = await tokenFromLatestEmail(t, email, "/verify-email");
    expect(second).not.toBe(first);
    expect(await confirmationLinks(email)).toBe(2);

    const confirmed = await post("/api/auth/verify", { token: second });
    expect(confirmed.statusCode).toBe(200);
    // Once the address is confirmed, a confirmation link left in the mailbox must not stay a way to sign in.
    const stale = await post("/api/auth/verify", { token: first });
    expect(stale.statusCode).toBe(400);
    expect(stale.json().detail).toContain("not valid any more");
  });

  it("either link confirms while the address is unconfirmed", async () => {
    const email = "ulla@example.org";
    await post("/api/auth/signup", { name: "Ulla", email, password: PASSWORD });
    const first = await tokenFromLatestEmail(t, email, "/verify-email");
    await post(RESEND, { email });
    expect(await tokenFromLatestEmail(t, email, "/verify-email")).not.toBe(first);
    expect((await post("/api/auth/verify", { token: first })).statusCode).toBe(200);
  });

  it("a confirmed address, an unknown one and one without a password get no link and the same answer", async () => {
    await signUpAndVerify(t, { name: "Cora", email: "cora@example.org", password: PASSWORD });
    await createProgramAdmin({
      database: t.context.database,
      email: "nopass@example.org",
      name: "No Pass",
      programSlug: "demo",
      baseUrl: "http://cohort.test",
      now: t.context.now(),
    });
    await post("/api/auth/signup", { name: "Uma", email: "uma@example.org", password: PASSWORD });
    const before = { cora: await emailsTo("cora@example.org"), nopass: await emailsTo("nopass@example.org") };

    const unconfirmed = await answerFor("uma@example.org");
    expect(await answerFor("cora@example.org")).toBe(unconfirmed);
    expect(await answerFor("nobody@example.org")).toBe(unconfirmed);
    expect(await answerFor("nopass@example.org")).toBe(unconfirmed);

    expect(await emailsTo("cora@example.org")).toBe(before.cora);
    expect(await emailsTo("nopass@example.org")).toBe(before.nopass);
    expect(await emailsTo("nobody@example.org")).toBe(0);
  });

  it("sends one link an hour at most, shared with the sign-in refusal", async () => {
    const email = "hourly@example.org";
    t.setNow("2026-11-25T12:05:00Z");
    await post("/api/auth/signup", { name: "Hourly", email, password: PASSWORD });
    expect(await confirmationLinks(email)).toBe(1);
    await post(RESEND, { email });
    expect(await confirmationLinks(email)).toBe(2);
    const sent = await tokenFromLatestEmail(t, email, "/verify-email");
    for (let i = 0; i < 3; i += 1) expect((await post(RESEND, { email })).statusCode).toBe(202);
    expect((await post("/api/auth/signin", { email, password: PASSWORD })).statusCode).toBe(403);
    expect(await confirmationLinks(email)).toBe(2);

    t.setNow("2026-11-25T13:00:00Z");
    await post(RESEND, { email });
    expect(await confirmationLinks(email)).toBe(3);
    // The links of the throttled requests were never mailed, and never made: the one mailed in that hour still confirms.
    expect((await post("/api/auth/verify", { token: sent })).statusCode).toBe(200);
    t.setNow("2026-11-25T10:00:00Z");
  });

  it("refuses a malformed address, naming the field", async () => {
    const response = await post(RESEND, { email: "not-an-email" });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: "email", code: "invalid_format", detail: expect.any(String) }]);
  });
});

describe("sending the confirmation link again from a server without SMTP", () => {
  it("says the operator has the link instead of saying it was sent", async () => {
    const t = await createTestApp("sqlite", { rateLimits: false });
    try {
      const response = await t.app.inject({ method: "POST", url: RESEND, payload: { email: "anyone@example.org" } });
      expect(response.statusCode).toBe(202);
      expect(response.json().message).toBe(
        "If anyone@example.org has an account waiting to be confirmed, a new link is ready, but this server sends no email yet: ask its operator for it (they can read it with `cohort outbox`).",
      );
    } finally {
      await t.dispose();
    }
  });
});

describe("sending the confirmation link again, per minute", () => {
  it("is limited like the password reset form", async () => {
    const t = await createTestApp("sqlite");
    try {
      const answers = [];
      for (let i = 0; i < 7; i += 1) answers.push((await t.app.inject({ method: "POST", url: RESEND, payload: { email: `x${i}@example.org` } })).statusCode);
      expect(answers).toContain(429);
    } finally {
      await t.dispose();
    }
  });
});
