import { AppError } from "../../errors/app-error.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonByEmail, insertAccount } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { hasAnyIdentity } from "../../storage/repos/identity-repo.ts";
import { findProgramBySlug } from "../../storage/repos/program-repo.ts";
import { grantRole } from "../../storage/repos/role-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { issueAccountToken } from "./account-tokens.ts";

/** How long the first admin's set-password link works. */
const SETUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** What `cohort admin create` did, with the one-time link the new admin sets a password with. */
export interface CreatedAdmin {
  personId: number;
  created: boolean;
  granted: boolean;
  /** Null for a person who can sign in already: their password is theirs alone. */
  setPasswordUrl: string | null;
}

/**
 * Bootstraps a program admin from the command line (someone with shell access to the server):
 * finds or creates the person by email, grants the admin role on the program, and returns a
 * single-use link to set a password, valid for a day, unless the person can sign in already
 * (a confirmed address with a password or a provider account): a link would let whoever runs
 * the command take their account over, and would void a reset link they are waiting for.
 */
export async function createProgramAdmin(options: {
  database: DatabaseHandle;
  email: string;
  name?: string | undefined;
  programSlug: string;
  baseUrl: string;
  now: Date;
}): Promise<CreatedAdmin> {
  const { now } = options;
  return inTransaction(options.database, async (db) => {
    const program = await findProgramBySlug(db, options.programSlug);
    if (!program)
      throw new AppError(
        "NOT_FOUND",
        `There is no program "${options.programSlug}"; import one of its term pages first (cohort import FILE --program ${options.programSlug}).`,
      );
    const existing = await findPersonByEmail(db, options.email.trim());
    const person =
      existing ??
      (await insertAccount(db, {
        name: options.name ?? options.email.split("@")[0] ?? "Admin",
        email: options.email.trim(),
        passwordHash: null,
        emailVerifiedAt: null,
        at: now,
      }));
    const granted = await grantRole(db, { personId: person.id, role: "program_admin", programId: program.id, organizationId: null, grantedBy: null, at: now });
    const signsIn = person.emailVerifiedAt !== null && (person.passwordHash !== null || (await hasAnyIdentity(db, person.id)));
    const setPasswordUrl = signsIn ? null : await issueSetupLink(db, person.id, options.baseUrl, now);
    await recordAuditEvent(db, {
      programId: program.id,
      actor: { personId: null, label: "cohort admin create" },
      action: "role.granted",
      objectType: "person",
      objectId: person.id,
      changes: { role: "program_admin", program: program.slug, created: !existing },
      at: now,
    });
    return { personId: person.id, created: !existing, granted, setPasswordUrl };
  });
}

/** A day-long single-use link that sets the password; it voids the person's older ones. */
async function issueSetupLink(db: Db, personId: number, baseUrl: string, now: Date): Promise<string> {
  const secret = await issueAccountToken(db, { personId, purpose: "reset_password", ttlMs: SETUP_LINK_TTL_MS, at: now, voidOlder: true });
  return `${baseUrl.replace(/\/+$/, "")}/reset-password#token=${secret.token}`;
}
