import type { EligibilityQuestionAsked } from "../../domain/eligibility.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listProgramEligibilityQuestions } from "../../storage/repos/eligibility-repo.ts";
import type { ProgramRow } from "../../storage/schema.ts";
import { requireProgramAdmin } from "../programs/require-program-admin.ts";
import { questionOf } from "./eligibility-questions.ts";

/** A program and the eligibility questions each of its new terms starts with. */
export interface ProgramEligibilityQuestions {
  program: ProgramRow;
  questions: EligibilityQuestionAsked[];
}

/** The program's eligibility questions, for its admins. */
export async function getProgramEligibilityQuestions(options: {
  database: DatabaseHandle;
  actor: Actor;
  programSlug: string;
}): Promise<ProgramEligibilityQuestions> {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  const rows = await listProgramEligibilityQuestions(options.database.db, program.id);
  return { program, questions: rows.map(questionOf) };
}
