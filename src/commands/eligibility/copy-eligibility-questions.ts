import type { Db } from "../../storage/repos/db.ts";
import { copyProgramQuestionsToTerm } from "../../storage/repos/eligibility-repo.ts";

/**
 * Gives a new term its own copy of its program's eligibility questions, inside the transaction
 * that creates the term: later edits of the program's questions leave the term alone, and the
 * term's copy is what its applicants answer. Returns how many questions were copied.
 */
export function copyEligibilityQuestions(db: Db, input: { programId: number; termId: number }): Promise<number> {
  return copyProgramQuestionsToTerm(db, input);
}
