import { mentorConfirmationMessage } from "../../notifications/mentor-confirmation.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { newSecret } from "../../security/secrets.ts";
import type { Db } from "../../storage/repos/db.ts";
import { enqueueNotification } from "../../storage/repos/outbox-repo.ts";
import { loadProposal, setMentorAsked } from "../../storage/repos/proposal-repo.ts";
import type { ProposalMentorRow, ProposalRecord } from "../../storage/schema.ts";

/** The readable prefix of a confirmation link's secret ("cohort_mentor_…"). */
const SECRET_KIND = "mentor";

/**
 * Emails one named mentor a new link to confirm or decline, in the caller's transaction: the
 * link's secret is stored as a hash (an older link stops working) and the outbox row is keyed
 * by the mentor and this very ask, so a retried request sends nothing twice. False when the
 * person has no address to write to (they answer in the UI once signed in).
 */
export async function askMentor(
  db: Db,
  input: { record: ProposalRecord; mentor: ProposalMentorRow; namedBy: string; baseUrl: string; now: Date },
): Promise<boolean> {
  const { record, mentor, now } = input;
  if (!mentor.email) return false;
  const secret = newSecret(SECRET_KIND);
  await setMentorAsked(db, record.id, mentor.personId, secret.hash, now);
  const message = mentorConfirmationMessage({
    baseUrl: input.baseUrl,
    mentorName: mentor.name,
    namedBy: input.namedBy,
    projectTitle: record.title,
    organizationName: record.organization.name,
    termTitle: record.term.title,
    token: secret.token,
  });
  await enqueueNotification(db, {
    dedupeKey: `mentor-confirmation:${record.id}:${mentor.personId}:${secret.hash.slice(0, 16)}`,
    recipientEmail: mentor.email,
    recipientPersonId: mentor.personId,
    programId: record.term.programId,
    subject: message.subject,
    text: message.text,
    html: message.html,
    at: now,
  });
  return true;
}

/**
 * Asks each named mentor who has not answered and was never asked (or only those in `only`),
 * once: when a proposal is submitted, and when a mentor is named on a submitted one. The
 * maintainer who names themself is not emailed: they confirm with one click where they are.
 */
export async function askNamedMentors(
  db: Db,
  input: { projectId: number; slug: string; actor: SignedIn; baseUrl: string; now: Date; only?: readonly number[] },
): Promise<number> {
  const record = await loadProposal(db, input.slug);
  if (!record) return 0;
  let asked = 0;
  for (const mentor of record.mentors) {
    if (mentor.confirmation !== "pending" || mentor.personId === input.actor.personId) continue;
    if (input.only ? !input.only.includes(mentor.personId) : mentor.askedAt !== null) continue;
    if (await askMentor(db, { record, mentor, namedBy: input.actor.name, baseUrl: input.baseUrl, now: input.now })) asked += 1;
  }
  return asked;
}
