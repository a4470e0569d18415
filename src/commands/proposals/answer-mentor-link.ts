import { AppError } from "../../errors/app-error.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { updatePerson } from "../../storage/repos/account-repo.ts";
import { loadProposal } from "../../storage/repos/proposal-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { findMentorByLink, type MentorAnswer, type MentorOnProposal, recordMentorAnswer } from "./mentor-answers.ts";

/** What a mentor may say about themselves when they answer: only filled in where Cohort knows nothing yet. */
export interface MentorIdentity {
  name?: string | undefined;
  githubHandle?: string | undefined;
}

/**
 * A named mentor confirms or declines through their emailed link, signed in or not: the link's
 * secret is the proof. The link keeps working, so the mentor may change their mind with it.
 * A mentor named by an address Cohort did not know has no name yet; a confirmed mentor is shown
 * by name, so confirming asks for one (and takes a GitHub handle), never overwriting what a
 * person already has.
 */
export async function answerMentorLink(options: {
  database: DatabaseHandle;
  token: string;
  answer: MentorAnswer;
  identity?: MentorIdentity;
  now: Date;
}): Promise<MentorOnProposal> {
  return inTransaction(options.database, async (db) => {
    let found = await findMentorByLink(db, options.token);
    const name = options.identity?.name?.trim();
    const handle = options.identity?.githubHandle?.trim();
    const known = found.mentor.name.trim() !== "";
    if (options.answer === "confirm" && !known && !name) {
      throw new AppError("INVALID_INPUT", "name: say your name as the project's page will show it to applicants.", undefined, {
        errors: [{ field: "name", code: "required", detail: "Say your name as the project's page will show it to applicants." }],
      });
    }
    const changes = { ...(!known && name ? { name } : {}), ...(found.mentor.githubHandle === null && handle ? { githubHandle: handle } : {}) };
    if (Object.keys(changes).length > 0) {
      await updatePerson(db, found.mentor.personId, changes, options.now);
      found = await findMentorByLink(db, options.token);
    }
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
