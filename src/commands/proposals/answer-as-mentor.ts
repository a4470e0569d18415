import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { type MentorAnswer, recordMentorAnswer } from "./mentor-answers.ts";
import { type ProposalView, requireVisibleProposal, viewProposal } from "./proposal-access.ts";

/** A signed-in mentor named on a proposal confirms or declines it from its page (the maintainer who named themself too). */
export async function answerAsMentor(options: {
  database: DatabaseHandle;
  actor: SignedIn;
  slug: string;
  answer: MentorAnswer;
  now: Date;
}): Promise<ProposalView> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const { record } = await requireVisibleProposal(db, actor, options.slug);
    const mentor = record.mentors.find((named) => named.personId === actor.personId);
    if (!mentor) throw new AppError("FORBIDDEN", `You are not named as a mentor of "${record.title}": only the mentors it names answer.`);
    await recordMentorAnswer(db, {
      found: { record, mentor },
      answer: options.answer,
      actor: { personId: actor.personId, label: actor.name },
      via: "signed_in",
      now,
    });
    return viewProposal(db, actor, record.slug, now);
  });
}
