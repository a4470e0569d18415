import type { DatabaseHandle } from "../../storage/database.ts";
import { loadProposal } from "../../storage/repos/proposal-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { findMentorByLink, type MentorAnswer, type MentorOnProposal, recordMentorAnswer } from "./mentor-answers.ts";

/**
 * A named mentor confirms or declines through their emailed link, signed in or not: the link's
 * secret is the proof. The link keeps working, so the mentor may change their mind with it.
 */
export async function answerMentorLink(options: { database: DatabaseHandle; token: string; answer: MentorAnswer; now: Date }): Promise<MentorOnProposal> {
  return inTransaction(options.database, async (db) => {
    const found = await findMentorByLink(db, options.token);
    await recordMentorAnswer(db, {
      found,
      answer: options.answer,
      actor: { personId: found.mentor.personId, label: found.mentor.name },
      via: "link",
      now: options.now,
    });
    const record = (await loadProposal(db, found.record.slug)) ?? found.record;
    return { record, mentor: record.mentors.find((mentor) => mentor.personId === found.mentor.personId) ?? found.mentor };
  });
}
