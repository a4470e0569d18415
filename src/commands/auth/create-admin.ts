import { AppError } from "../../errors/app-error.ts";
import { newSecret } from "../../security/secrets.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findPersonByEmail, insertAccount, insertAccountToken, voidAccountTokens } from "../../storage/repos/account-repo.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findProgramBySlug } from "../../storage/repos/program-repo.ts";
import { grantRole } from "../../storage/repos/role-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";

/** How long the first admin's set-password link works. */
const SETUP_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** What `cohort admin create` did, with the one-time link the new admin sets a password with. */
export interface CreatedAdmin {
  personId: number;
  created: boolean;
  granted: boolean;
  setPasswordUrl: string;
}

/**
 * Bootstraps a program admin from the command line (someone with shell access to the server):
 * finds or creates the person by email, grants the admin role on the program, and returns a
 * single-use link to set a password, valid for a day.
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
    await voidAccountTokens(db, person.id, "reset_password", now);
    const secret = newSecret("reset");
    await insertAccountToken(db, {
      personId: person.id,
      purpose: "reset_password",
      tokenHash: secret.hash,
      at: now,
      expiresAt: new Date(now.getTime() + SETUP_LINK_TTL_MS),
    });
    await recordAuditEvent(db, {
      programId: program.id,
      actor: { personId: null, label: "cohort admin create" },
      action: "role.granted",
      objectType: "person",
      objectId: person.id,
      changes: { role: "program_admin", program: program.slug, created: !existing },
      at: now,
    });
    return { personId: person.id, created: !existing, granted, setPasswordUrl: `${options.baseUrl.replace(/\/+$/, "")}/reset-password#token=${secret.token}` };
  });
}
