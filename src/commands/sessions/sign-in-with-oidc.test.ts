import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMigratedTestDatabase, testDialects } from "../../../test/helpers/databases.ts";
import { isAppError } from "../../errors/app-error.ts";
import { hashSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonByEmail, findPersonById, insertAccount } from "../../storage/repos/account-repo.ts";
import { listAuditEventsFor } from "../../storage/repos/audit-repo.ts";
import { findIdentity, insertIdentity } from "../../storage/repos/identity-repo.ts";
import { findLiveSession } from "../../storage/repos/session-repo.ts";
import { beginOidcLogin } from "../oidc-logins/begin-oidc-login.ts";
import { claimOidcLogin } from "../oidc-logins/claim-oidc-login.ts";
import { oidcRefusalOf } from "../oidc-logins/oidc-refusals.ts";
import { type OidcClaims, signInWithOidc } from "./sign-in-with-oidc.ts";
import { startSession } from "./start-session.ts";

const ISSUER = "https://id.example.org";
const NOW = new Date("2026-11-25T12:00:00Z");

const claims = (subject: string, overrides: Partial<OidcClaims> = {}): OidcClaims => ({
  subject,
  email: `${subject}@example.org`,
  emailVerified: true,
  name: undefined,
  preferredUsername: undefined,
  ...overrides,
});

/** The refusal code a promise rejects with, or "resolved". */
async function refusalOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    if (!isAppError(error)) throw error;
    return oidcRefusalOf(error) ?? error.code;
  }
}

describe.each(testDialects())("sign-in with OpenID Connect (command) on %s", (dialect) => {
  let database: DatabaseHandle;
  let dispose: () => Promise<void>;
  beforeAll(async () => {
    ({ handle: database, dispose } = await openMigratedTestDatabase(dialect));
  });
  afterAll(() => dispose());

  const signIn = (c: OidcClaims, previousSessionHash: string | null = null, provider = ISSUER) =>
    signInWithOidc({ database, provider, claims: c, userAgent: "test", previousSessionHash, now: NOW });

  describe("pending sign-ins", () => {
    const login = { nonce: "n", codeVerifier: "v", returnTo: "/terms" };

    it("gives a pending sign-in back once, by its state", async () => {
      await beginOidcLogin({ database, provider: ISSUER, state: "state-1", login, now: NOW });
      expect(await claimOidcLogin({ database, provider: ISSUER, state: "state-1", now: NOW })).toEqual(login);
      expect(await refusalOf(claimOidcLogin({ database, provider: ISSUER, state: "state-1", now: NOW }))).toBe("invalid_state");
    });

    it("stores only the hash of the state", async () => {
      await beginOidcLogin({ database, provider: ISSUER, state: "state-hashed", login, now: NOW });
      const rows = await database.db.selectFrom("oidcLogins").select("stateHash").execute();
      expect(rows.map((row) => row.stateHash)).toContain(hashSecret("state-hashed"));
      expect(rows.map((row) => row.stateHash)).not.toContain("state-hashed");
    });

    it("refuses an unknown state, one for another provider, and one older than ten minutes", async () => {
      expect(await refusalOf(claimOidcLogin({ database, provider: ISSUER, state: "never-started", now: NOW }))).toBe("invalid_state");
      await beginOidcLogin({ database, provider: ISSUER, state: "state-2", login, now: NOW });
      expect(await refusalOf(claimOidcLogin({ database, provider: "https://other.example", state: "state-2", now: NOW }))).toBe("invalid_state");
      await beginOidcLogin({ database, provider: ISSUER, state: "state-3", login, now: NOW });
      const late = new Date(NOW.getTime() + 10 * 60 * 1000);
      expect(await refusalOf(claimOidcLogin({ database, provider: ISSUER, state: "state-3", now: late }))).toBe("expired");
    });

    it("clears expired sign-ins when a new one starts", async () => {
      await beginOidcLogin({ database, provider: ISSUER, state: "state-old", login, now: NOW });
      await beginOidcLogin({ database, provider: ISSUER, state: "state-new", login, now: new Date(NOW.getTime() + 11 * 60 * 1000) });
      const rows = await database.db.selectFrom("oidcLogins").select("stateHash").execute();
      expect(rows.map((row) => row.stateHash)).toEqual([hashSecret("state-new")]);
    });
  });

  describe("linking", () => {
    it("creates a person with a verified email and no password, named from the claims", async () => {
      const result = await signIn(claims("new", { name: "  New Person ", email: "New@Example.org" }));
      expect(result.outcome).toBe("created");
      const person = await findPersonById(database.db, result.personId);
      expect(person).toMatchObject({ name: "New Person", email: "New@Example.org", passwordHash: null, emailVerifiedAt: NOW.toISOString() });
      expect(await findIdentity(database.db, ISSUER, "new")).toMatchObject({ personId: result.personId });
      const audit = await listAuditEventsFor(database.db, "person", result.personId);
      expect(audit.map((event) => [event.action, JSON.parse(event.changes)])).toEqual([["account.signed_in_oidc", { provider: ISSUER, outcome: "created" }]]);
    });

    it("falls back to preferred_username, then the email's local part, for the name", async () => {
      const handle = await signIn(claims("handle", { preferredUsername: "octocat" }));
      expect((await findPersonById(database.db, handle.personId))?.name).toBe("octocat");
      const bare = await signIn(claims("bare", { email: "just.an.address@example.org" }));
      expect((await findPersonById(database.db, bare.personId))?.name).toBe("just.an.address");
    });

    it("links a verified email to the person who has it, whatever the case", async () => {
      const person = await insertAccount(database.db, {
        name: "Ada",
        email: "ada@example.org",
        passwordHash: "hash",
        emailVerifiedAt: NOW.toISOString(),
        at: NOW,
      });
      const result = await signIn(claims("ada-sub", { email: "ADA@EXAMPLE.ORG" }));
      expect(result).toMatchObject({ personId: person.id, outcome: "linked" });
      expect((await findPersonById(database.db, person.id))?.passwordHash).toBe("hash");
    });

    it("finds the person by subject afterwards, whatever email the provider reports", async () => {
      const first = await signIn(claims("moves", { email: "before@example.org" }));
      const second = await signIn(claims("moves", { email: "after@example.org", emailVerified: false }));
      expect(second).toMatchObject({ personId: first.personId, outcome: "identity" });
      expect(await findPersonByEmail(database.db, "after@example.org")).toBeUndefined();
    });

    it("keeps identities of different providers apart", async () => {
      const here = await signIn(claims("same-sub", { email: "here@example.org" }));
      const there = await signIn(claims("same-sub", { email: "there@example.org" }), null, "https://other.example");
      expect(there.personId).not.toBe(here.personId);
    });

    it("refuses an unverified or missing email and writes nothing", async () => {
      const victim = await insertAccount(database.db, {
        name: "V",
        email: "victim@example.org",
        passwordHash: "h",
        emailVerifiedAt: NOW.toISOString(),
        at: NOW,
      });
      expect(await refusalOf(signIn(claims("mallory", { email: "victim@example.org", emailVerified: false })))).toBe("email_unverified");
      expect(await refusalOf(signIn(claims("nomail", { email: undefined })))).toBe("email_unverified");
      expect(await refusalOf(signIn(claims("blank", { email: "  " })))).toBe("email_unverified");
      for (const subject of ["mallory", "nomail", "blank"]) expect(await findIdentity(database.db, ISSUER, subject)).toBeUndefined();
      expect(await listAuditEventsFor(database.db, "person", victim.id)).toEqual([]);
    });

    it("verifies an address nobody proved before and drops the password chosen at sign-up", async () => {
      // Someone signed up with this address and never confirmed it: the password may be theirs, not the owner's.
      const squatted = await insertAccount(database.db, {
        name: "Grace",
        email: "grace@example.org",
        passwordHash: "squatter",
        emailVerifiedAt: null,
        at: NOW,
      });
      const result = await signIn(claims("grace-sub", { email: "grace@example.org" }));
      expect(result).toMatchObject({ personId: squatted.id, outcome: "linked" });
      expect(await findPersonById(database.db, squatted.id)).toMatchObject({ passwordHash: null, emailVerifiedAt: NOW.toISOString() });
    });

    it("refuses a second account of the same provider for a person already linked", async () => {
      const linked = await insertAccount(database.db, {
        name: "L",
        email: "linked@example.org",
        passwordHash: null,
        emailVerifiedAt: NOW.toISOString(),
        at: NOW,
      });
      await insertIdentity(database.db, { provider: ISSUER, subject: "original", personId: linked.id, at: NOW });
      expect(await refusalOf(signIn(claims("newcomer", { email: "linked@example.org" })))).toBe("already_linked");
      expect(await findIdentity(database.db, ISSUER, "newcomer")).toBeUndefined();
    });
  });

  describe("sessions", () => {
    it("starts a session and ends the one the browser had", async () => {
      const first = await signIn(claims("sessions"));
      const previous = await startSession(database.db, { personId: first.personId, userAgent: null, at: NOW });
      const second = await signIn(claims("sessions"), hashSecret(previous.token));
      expect(await findLiveSession(database.db, hashSecret(previous.token), NOW)).toBeUndefined();
      expect(await findLiveSession(database.db, hashSecret(second.token), NOW)).toMatchObject({ personId: first.personId, userAgent: "test" });
    });

    it("a refused sign-in ends no session", async () => {
      const person = await signIn(claims("keeps"));
      const kept = await startSession(database.db, { personId: person.personId, userAgent: null, at: NOW });
      await refusalOf(signIn(claims("stranger", { emailVerified: false }), hashSecret(kept.token)));
      expect(await findLiveSession(database.db, hashSecret(kept.token), NOW)).toBeDefined();
    });
  });
});
