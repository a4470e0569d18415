import type { EligibilityQuestionRule } from "../../domain/eligibility.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { EligibilityQuestionsBody } from "../../schemas/eligibility.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { type AuditActor, recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { listProgramEligibilityQuestions, replaceProgramEligibilityQuestions as replaceRows } from "../../storage/repos/eligibility-repo.ts";
import type { ProgramRow } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { requireProgramAdminIn } from "../programs/require-program-admin.ts";
import { questionOf, ruleOf } from "./eligibility-questions.ts";
import type { ProgramEligibilityQuestions } from "./get-program-eligibility-questions.ts";

/** Options of replaceProgramEligibilityQuestions. */
export interface ReplaceProgramEligibilityQuestionsOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  programSlug: string;
  /** The whole ordered list; ids are a term's and mean nothing here. */
  body: EligibilityQuestionsBody;
  now: Date;
}

/**
 * Replaces a program's eligibility questions (its admins only), audited with the list before
 * and after. Terms made from now on start with them; a term made earlier keeps its own copy.
 */
export async function replaceProgramEligibilityQuestions(options: ReplaceProgramEligibilityQuestionsOptions): Promise<ProgramEligibilityQuestions> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const program = await requireProgramAdminIn(db, actor, options.programSlug);
    const questions = await setProgramEligibilityQuestionsWithin(db, {
      program,
      actor: { personId: actor.personId, label: actor.name },
      questions: options.body.questions,
      now,
    });
    return { program, questions };
  });
}

/**
 * Sets a program's questions inside the caller's transaction, for a caller already allowed to
 * (the API above, the demo data), with the audit event; a list equal to the stored one writes nothing.
 */
export async function setProgramEligibilityQuestionsWithin(
  db: Db,
  options: { program: ProgramRow; actor: AuditActor; questions: readonly EligibilityQuestionRule[]; now: Date },
): Promise<ProgramEligibilityQuestions["questions"]> {
  const { program } = options;
  const before = (await listProgramEligibilityQuestions(db, program.id)).map(questionOf);
  const after = options.questions.map(ruleOf);
  if (JSON.stringify(before.map(ruleOf)) === JSON.stringify(after)) return before;
  const rows = await replaceRows(db, program.id, after);
  await recordAuditEvent(db, {
    programId: program.id,
    actor: options.actor,
    action: "eligibility.questions_updated",
    objectType: "program",
    objectId: program.id,
    changes: { before: before.map(ruleOf), after },
    at: options.now,
  });
  return rows.map(questionOf);
}
