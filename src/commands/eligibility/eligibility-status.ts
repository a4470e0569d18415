import type { Disqualification } from "../../domain/eligibility.ts";
import type { Db } from "../../storage/repos/db.ts";
import { readPersonEligibility } from "./eligibility-questions.ts";

/** Where an applicant stands with a term's eligibility questions, as the application form and the submission check read it. */
export interface EligibilityStatus {
  /** How many questions the term asks. */
  questions: number;
  /** True once every current question has a valid answer (always when the term asks none). */
  answered: boolean;
  /** True when answered and no answer disqualifies. */
  eligible: boolean;
  disqualifications: Disqualification[];
}

/**
 * One applicant's eligibility for a term, judged against the term's current questions, inside the
 * caller's transaction (the submission reads it in the same unit that writes). A term with no
 * questions finds everyone eligible; answers to questions that changed since count as unanswered.
 */
export async function loadEligibilityStatus(db: Db, key: { termId: number; personId: number }): Promise<EligibilityStatus> {
  const { questions, judged } = await readPersonEligibility(db, key);
  if (questions.length === 0) return { questions: 0, answered: true, eligible: true, disqualifications: [] };
  if (!judged?.ok) return { questions: questions.length, answered: false, eligible: false, disqualifications: [] };
  return { questions: questions.length, answered: true, eligible: judged.verdict.eligible, disqualifications: judged.verdict.disqualifications };
}
