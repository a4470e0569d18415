import { type InstallmentRule, parseCountryTable, type StipendPolicy, stipendPolicyProblems } from "../../domain/stipends.ts";
import { AppError } from "../../errors/app-error.ts";
import type { Actor, SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findMentorship } from "../../storage/repos/mentorship-repo.ts";
import { findStipendPolicy, replaceStipendMultipliers, saveStipendTerms } from "../../storage/repos/stipend-repo.ts";
import type { ProgramRow, StipendPolicyData } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireProgramAdmin, requireProgramAdminIn } from "../programs/require-program-admin.ts";
import { createMentorshipInstallments } from "./installment-moves.ts";

// A program's stipend policy (WORKFLOW.md, "Mentorships, evaluations and stipends"), read and
// changed by its admins: the currency, base amount and installments, and the country table
// uploaded as CSV. Each change is checked whole by domain/stipends.ts and written with its audit
// event in one transaction, or refused with every problem named and nothing written.

/** The program's stipend policy, for its admins. */
export async function getStipendPolicy(options: { database: DatabaseHandle; actor: Actor; programSlug: string }): Promise<StipendPolicyData> {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  return readStipendPolicy(options.database.db, program);
}

async function readStipendPolicy(db: Db, program: ProgramRow): Promise<StipendPolicyData> {
  const found = await findStipendPolicy(db, program.id);
  return { program, policy: found?.policy ?? null, updatedAt: found?.updatedAt ?? null, updatedBy: found?.updatedBy ?? null };
}

/** Sets the currency, base amount and installments of the program's policy; its country table is kept, and checked against the new terms too. */
export async function updateStipendPolicy(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  programSlug: string;
  terms: { currency: string; baseAmount: number; installments: readonly InstallmentRule[] };
  now: Date;
}): Promise<StipendPolicyData> {
  const { actor, now, terms } = options;
  return inTransaction(options.database, async (db) => {
    const program = await requireProgramAdminIn(db, actor, options.programSlug);
    const before = (await findStipendPolicy(db, program.id))?.policy ?? null;
    const policy: StipendPolicy = { ...terms, multipliers: before?.multipliers ?? new Map() };
    requireSound(policy);
    await saveStipendTerms(db, { programId: program.id, ...terms, personId: actor.personId, at: now });
    await recordAuditEvent(db, {
      programId: program.id,
      actor: { personId: actor.personId, label: actor.name },
      action: "stipend.policy_updated",
      objectType: "program",
      objectId: program.id,
      changes: {
        before: before ? { currency: before.currency, baseAmount: before.baseAmount, installments: before.installments } : null,
        after: { currency: terms.currency, baseAmount: terms.baseAmount, installments: terms.installments },
      },
      at: now,
    });
    // Mentorships that began before the program had a policy get their installments now.
    const waiting = await db
      .selectFrom("mentorships")
      .innerJoin("terms", "terms.id", "mentorships.termId")
      .select("mentorships.id")
      .where("terms.programId", "=", program.id)
      .where("mentorships.state", "=", "active")
      .where("mentorships.begunAt", "is not", null)
      .where((eb) => eb.not(eb.exists(eb.selectFrom("installments").select("installments.id").whereRef("installments.mentorshipId", "=", "mentorships.id"))))
      .execute();
    for (const { id } of waiting) {
      const mentorship = await findMentorship(db, id);
      if (mentorship) await createMentorshipInstallments(db, mentorship, now);
    }
    return readStipendPolicy(db, program);
  });
}

/**
 * Replaces the program's country table with one uploaded as CSV (an ISO 3166 code and a
 * percentage per line). A file with errors is refused whole, every error named by its line.
 */
export async function uploadCountryTable(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  programSlug: string;
  csv: string;
  now: Date;
}): Promise<StipendPolicyData> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const program = await requireProgramAdminIn(db, actor, options.programSlug);
    const current = await findStipendPolicy(db, program.id);
    if (!current) throw new AppError("CONFLICT", `Set the currency and base amount of ${program.name}'s stipends first; the country table scales that base.`);
    const table = parseCountryTable(options.csv);
    if (!table.ok) {
      throw new AppError(
        "INVALID_INPUT",
        `The country table has ${table.errors.length === 1 ? "an error" : `${table.errors.length} errors`}: ${table.errors.map((error) => error.detail).join(" ")}`,
        undefined,
        {
          errors: table.errors.map((error) => ({ field: "csv", code: `line_${error.line}`, detail: error.detail })),
        },
      );
    }
    await replaceStipendMultipliers(db, { programId: program.id, multipliers: table.multipliers, personId: actor.personId, at: now });
    await recordAuditEvent(db, {
      programId: program.id,
      actor: { personId: actor.personId, label: actor.name },
      action: "stipend.countries_uploaded",
      objectType: "program",
      objectId: program.id,
      changes: { before: Object.fromEntries(current.policy.multipliers), after: Object.fromEntries(table.multipliers) },
      at: now,
    });
    return readStipendPolicy(db, program);
  });
}

function requireSound(policy: StipendPolicy): void {
  const problems = stipendPolicyProblems(policy);
  if (problems.length === 0) return;
  throw new AppError("INVALID_INPUT", `The stipend policy cannot be saved: ${problems.map((problem) => problem.detail).join(" ")}`, undefined, {
    errors: problems.map((problem) => ({ field: problem.field, code: "invalid", detail: problem.detail })),
  });
}
