import type { EligibilityQuestionAsked } from "../../domain/eligibility.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listTermEligibilityQuestions } from "../../storage/repos/eligibility-repo.ts";
import type { ProgramRow, TermRow } from "../../storage/schema.ts";
import { requireTermAdmin } from "../terms/term-admin.ts";
import { questionOf, termQuestionsSettled } from "./eligibility-questions.ts";

/** A term's own eligibility questions, and whether they are settled (applications have opened). */
export interface TermEligibilityQuestions {
  term: TermRow;
  program: ProgramRow;
  questions: EligibilityQuestionAsked[];
  settled: boolean;
  /** What can change now, and why. */
  message: string;
}

/** A term's eligibility questions, for its program's admins. */
export async function getTermEligibilityQuestions(options: {
  database: DatabaseHandle;
  actor: Actor;
  termSlug: string;
  now: Date;
}): Promise<TermEligibilityQuestions> {
  const db = options.database.db;
  const { term, program } = await requireTermAdmin(db, options.actor, options.termSlug);
  const [rows, settled] = await Promise.all([listTermEligibilityQuestions(db, term.id), termQuestionsSettled(db, term, options.now)]);
  return { term, program, questions: rows.map(questionOf), ...settled };
}
