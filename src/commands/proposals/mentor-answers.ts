import type { MentorConfirmation } from "../../domain/proposal-states.ts";
import { proposalState } from "../../domain/proposal-states.ts";
import { AppError } from "../../errors/app-error.ts";
import { hashSecret } from "../../security/secrets.ts";
import { type AuditActor, recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import type { Db } from "../../storage/repos/db.ts";
import { findProjectById } from "../../storage/repos/project-repo.ts";
import { findMentorByTokenHash, loadProposal, setMentorAnswer } from "../../storage/repos/proposal-repo.ts";
import { updateTerm } from "../../storage/repos/term-repo.ts";
import type { ProposalMentorRow, ProposalRecord } from "../../storage/schema.ts";

/** A named mentor's answer to "will you mentor this project?". */
export type MentorAnswer = "confirm" | "decline";

/** A proposal and one mentor it names, as a confirmation link or a mentor's own page shows them. */
export interface MentorOnProposal {
  record: ProposalRecord;
  mentor: ProposalMentorRow;
}

/** The proposal and mentor an emailed link is for; a link that was replaced by a newer one, or never existed, is NOT_FOUND. */
export async function findMentorByLink(db: Db, token: string): Promise<MentorOnProposal> {
  const link = await findMentorByTokenHash(db, hashSecret(token));
  const project = link ? await findProjectById(db, link.projectId) : undefined;
  const record = project ? await loadProposal(db, project.slug) : undefined;
  const mentor = record?.mentors.find((named) => named.personId === link?.personId);
  if (!record || !mentor) {
    throw new AppError(
      "NOT_FOUND",
      "This confirmation link does not work any more (a newer one may have been sent); ask the project's maintainers to send a new one.",
    );
  }
  return { record, mentor };
}

/**
 * Records a named mentor's answer once, with its audit event: answering again with the same
 * answer changes nothing. A mentor of an accepted project may step back only while another
 * confirmed mentor remains, since a public project needs one. A confirmed mentor of an accepted
 * project is public, so the term's cached pages move on.
 */
export async function recordMentorAnswer(
  db: Db,
  input: { found: MentorOnProposal; answer: MentorAnswer; actor: AuditActor; via: "link" | "signed_in"; now: Date },
): Promise<MentorConfirmation> {
  const { record, mentor } = input.found;
  const state = proposalState(record);
  const target: MentorConfirmation = input.answer === "confirm" ? "confirmed" : "declined";
  if (mentor.confirmation === target) return target;
  if (state === "withdrawn" || state === "rejected") {
    throw new AppError("CONFLICT", `"${record.title}" was ${state}: there is nothing to answer any more.`);
  }
  const othersConfirmed = record.mentors.some((other) => other.personId !== mentor.personId && other.confirmation === "confirmed");
  if (state === "accepted" && mentor.confirmation === "confirmed" && !othersConfirmed) {
    throw new AppError(
      "CONFLICT",
      `You are the only confirmed mentor of "${record.title}", which is accepted: ask its maintainers to name another mentor who confirms before you step back.`,
    );
  }
  await setMentorAnswer(db, record.id, mentor.personId, target, input.now);
  if (state === "accepted") await updateTerm(db, record.term.id, {}, input.now);
  await recordAuditEvent(db, {
    programId: record.term.programId,
    actor: input.actor,
    action: target === "confirmed" ? "proposal.mentor_confirmed" : "proposal.mentor_declined",
    objectType: "project",
    objectId: record.id,
    changes: { personId: mentor.personId, from: mentor.confirmation, via: input.via },
    at: input.now,
  });
  return target;
}
