import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sessionCookieOf, signUpAndVerify, tokenFromLatestEmail } from "../../../../test/helpers/accounts.ts";
import { createTestApp, type TestApp } from "../../../../test/helpers/app.ts";
import { testDialects } from "../../../../test/helpers/databases.ts";
import { createProgramAdmin } from "../../../commands/accounts/create-program-admin.ts";
import { signInWithOidc } from "../../../commands/sessions/sign-in-with-oidc.ts";
import { importTermPage } from "../../../commands/term-pages/import-term-page.ts";
import { seedDemoIfEmpty } from "../../../demo/seed-demo.ts";
import { findPersonByEmail } from "../../../storage/repos/account-repo.ts";
import { listOutbox } from "../../../storage/repos/outbox-repo.ts";
import type { PersonRow } from "../../../storage/schema.ts";
import { parseTermPage } from "../../../termpages/index.ts";

const OWNER_PASSWORD = "the owner's own password";
const ATTACKER_PASSWORD = "the attacker's password";
const ISSUER = "https://id.example.org";

/** A term page that lists one mentor with an email, as a public page would. */
const PAGE_WITH_MENTOR = `# Term 01 - 2026 March - May

Status: Accepting applications

### Timeline

| activity | date |
| --- | --- |
| mentee applications open | Monday Feb 2 - Tues Mar 31, 2026, 5:00 PM PDT |

## Accepted projects

- [Heron](#heron)
  - [Faster builds](#faster-builds)

### Heron

#### Faster builds

- Description: Make the builds faster.
- Expected Outcome: Faster builds.
- Recommended Skills: Go
- Mentor(s):
  - Imogen Port (@imogen-port, <imogen@example.org>)
`;

describe.each(testDialects())("sign-up never takes over an existing account, on %s", (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect, { rateLimits: false });
    t.setNow("2026-11-25T10:00:00Z");
    // The sign-up email names the provider the person signs in with.
    t.context.config.oidc = { issuer: ISSUER, clientId: "cohort", clientSecret: "secret", name: "CNCF account" };
    await seedDemoIfEmpty(t.context.database, t.context.now());
  }, 60_000);
  afterAll(() => t.dispose());

  const post = (url: string, payload: object) => t.app.inject({ method: "POST", url, payload });
  const signIn = (email: string, password: string) => post("/api/auth/signin", { email, password });
  const person = async (email: string): Promise<PersonRow> => {
    const found = await findPersonByEmail(t.context.database.db, email);
    if (!found) throw new Error(`no person ${email}`);
    return found;
  };
  const emailsTo = async (email: string) =>
    (await listOutbox(t.context.database.db, { limit: 500, offset: 0 })).items.filter((item) => item.recipientEmail === email);

  /**
   * The attack: sign up with the victim's address and a password of the attacker's choosing.
   * Nothing on the person changes, the attacker's password never signs in, and the answer is
   * the one a new address gets.
   */
  async function signUpAsAttacker(email: string): Promise<void> {
    const before = await person(email);
    const verifyLinksBefore = (await emailsTo(email)).filter((item) => item.bodyText.includes("/verify-email#token=")).length;
    const attack = await post("/api/auth/signup", { name: "Mallory", email, password: ATTACKER_PASSWORD });
    const fresh = await post("/api/auth/signup", { name: "Someone New", email: `new-${email}`, password: ATTACKER_PASSWORD });
    expect(attack.statusCode).toBe(202);
    expect(attack.json().message.replace(email, "X")).toBe(fresh.json().message.replace(`new-${email}`, "X"));
    const after = await person(email);
    expect(after).toMatchObject({ passwordHash: before.passwordHash, emailVerifiedAt: before.emailVerifiedAt, name: before.name, email: before.email });
    expect((await signIn(email, ATTACKER_PASSWORD)).statusCode).not.toBe(200);
    // No confirmation link goes out for the attacker's sign-up: the person's owner could click it.
    expect((await emailsTo(email)).filter((item) => item.bodyText.includes("/verify-email#token=")).length).toBe(verifyLinksBefore);
  }

  /** The owner reads the email about the attempt and sets a password with its link. */
  async function ownerSetsPassword(email: string, expected: RegExp): Promise<void> {
    const [latest] = (await emailsTo(email)).filter((item) => item.subject === "You already have a Cohort account").sort((a, b) => b.id - a.id);
    expect(latest?.bodyText).toMatch(expected);
    expect(latest?.bodyText).toContain("http://cohort.test/sign-in");
    const token = latest?.bodyText.match(/\/reset-password#token=([\w-]+)/)?.[1] ?? "";
    const set = await post("/api/auth/password-reset/confirm", { token, password: OWNER_PASSWORD });
    expect(set.statusCode).toBe(200);
    expect((await signIn(email, OWNER_PASSWORD)).statusCode).toBe(200);
    expect((await signIn(email, ATTACKER_PASSWORD)).statusCode).toBe(401);
    expect((await post("/api/auth/password-reset/confirm", { token, password: ATTACKER_PASSWORD })).statusCode).toBe(400);
  }

  it("a person created by OpenID Connect sign-in keeps having no password", async () => {
    const email = "oidc@example.org";
    await signInWithOidc({
      database: t.context.database,
      provider: ISSUER,
      claims: { subject: "oidc-1", email, emailVerified: true, name: "Olive", preferredUsername: undefined },
      userAgent: null,
      previousSessionHash: null,
      now: t.context.now(),
    });
    await signUpAsAttacker(email);
    expect((await person(email)).passwordHash).toBeNull();
    await ownerSetsPassword(email, /sign in with your CNCF account/);
  });

  it("a person made by `cohort admin create` keeps having no password", async () => {
    const email = "admin@example.org";
    await createProgramAdmin({
      database: t.context.database,
      email,
      name: "Ada Admin",
      programSlug: "demo",
      baseUrl: "http://cohort.test",
      now: t.context.now(),
    });
    await signUpAsAttacker(email);
    expect((await person(email)).passwordHash).toBeNull();
    await ownerSetsPassword(email, /has no password yet/);
  });

  it("a mentor imported from a term page keeps having no password", async () => {
    const email = "imogen@example.org";
    await importTermPage({
      database: t.context.database,
      page: parseTermPage(PAGE_WITH_MENTOR, { fileName: "heron.md", now: t.context.now() }),
      programSlug: "heron",
      termSlug: "heron-2026",
      projectState: "accepted",
      actor: { personId: null, label: "test" },
      now: t.context.now(),
    });
    await signUpAsAttacker(email);
    expect((await person(email)).passwordHash).toBeNull();
    await ownerSetsPassword(email, /has no password yet/);
  });

  it("an unconfirmed sign-up is confirmed with its own password, not a later one", async () => {
    const email = "victim@example.org";
    await post("/api/auth/signup", { name: "Victor", email, password: OWNER_PASSWORD });
    const victimLink = await tokenFromLatestEmail(t, email, "/verify-email");
    await signUpAsAttacker(email);
    const confirmed = await post("/api/auth/verify", { token: victimLink });
    expect(confirmed.statusCode).toBe(200);
    expect(sessionCookieOf(confirmed)).toBeDefined();
    expect((await signIn(email, OWNER_PASSWORD)).statusCode).toBe(200);
    expect((await signIn(email, ATTACKER_PASSWORD)).statusCode).toBe(401);
  });

  it("an attacker who signed up first never signs in: the owner's link replaces their password", async () => {
    const email = "early@example.org";
    await post("/api/auth/signup", { name: "Mallory", email, password: ATTACKER_PASSWORD });
    await post("/api/auth/signup", { name: "Erin", email, password: OWNER_PASSWORD });
    expect((await signIn(email, ATTACKER_PASSWORD)).statusCode).toBe(403);
    await ownerSetsPassword(email, /not confirmed yet/);
  });

  it("a confirmed account keeps its password", async () => {
    const email = "grace@example.org";
    await signUpAndVerify(t, { name: "Grace", email, password: "grace's first password" });
    await signUpAsAttacker(email);
    expect((await signIn(email, "grace's first password")).statusCode).toBe(200);
    await ownerSetsPassword(email, /sign in with your password/);
  });

  it("a known and an unknown address cost the same writes: one email and one audit event each", async () => {
    await signUpAndVerify(t, { name: "Kim", email: "kim@example.org", password: OWNER_PASSWORD });
    const count = async () => {
      const db = t.context.database.db;
      const [outbox, audit] = await Promise.all([
        db
          .selectFrom("outbox")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
        db
          .selectFrom("auditEvents")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return { emails: Number(outbox.n), auditEvents: Number(audit.n) };
    };
    const writesOf = async (url: string, payload: object) => {
      const before = await count();
      expect((await post(url, payload)).statusCode).toBe(202);
      const after = await count();
      return { emails: after.emails - before.emails, auditEvents: after.auditEvents - before.auditEvents };
    };
    const one = { emails: 1, auditEvents: 1 };
    expect(await writesOf("/api/auth/password-reset", { email: "kim@example.org" })).toEqual(one);
    expect(await writesOf("/api/auth/password-reset", { email: "nobody-at-all@example.org" })).toEqual(one);
    expect(await writesOf("/api/auth/signup", { name: "M", email: "kim@example.org", password: ATTACKER_PASSWORD })).toEqual(one);
    expect(await writesOf("/api/auth/signup", { name: "N", email: "brand-new@example.org", password: ATTACKER_PASSWORD })).toEqual(one);
  });

  it("the owner gets one such email an hour, however often someone tries", async () => {
    const email = "often@example.org";
    await signUpAndVerify(t, { name: "Otto", email, password: OWNER_PASSWORD });
    const before = (await emailsTo(email)).length;
    for (let i = 0; i < 3; i += 1) await post("/api/auth/signup", { name: "Mallory", email, password: ATTACKER_PASSWORD });
    expect((await emailsTo(email)).length).toBe(before + 1);
    // The one email's link still works: the tries after it left it alone.
    const token = await tokenFromLatestEmail(t, email, "/reset-password");
    expect((await post("/api/auth/password-reset/confirm", { token, password: "a newer own password" })).statusCode).toBe(200);
  });

  it("two sign-ups racing for one new address both answer 202: one creates the account, the other only emails its owner", async () => {
    const email = "race@example.org";
    const answers = await Promise.all([
      post("/api/auth/signup", { name: "First", email, password: OWNER_PASSWORD }),
      post("/api/auth/signup", { name: "Second", email, password: ATTACKER_PASSWORD }),
    ]);
    expect(answers.map((answer) => answer.statusCode)).toEqual([202, 202]);
    // One sign-up created the person; the other only told the address's owner.
    expect((await emailsTo(email)).length).toBe(2);
  });
});
