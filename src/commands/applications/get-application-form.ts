import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { countProjectApplicants, findApplicationOf, listCappedApplicationsOf, toApplicationRecord } from "../../storage/repos/application-repo.ts";
import type { ApplicationFormData } from "../../storage/schema.ts";
import { loadEligibilityStatus } from "../eligibility/eligibility-status.ts";
import { notAcceptingReason, requireApplicationTarget } from "./application-access.ts";

/**
 * A project's application form for a signed-in caller: its questions, the window, whether the
 * project takes new applications, the caller's eligibility for the term, how much of the
 * program's limit they have used and on which projects, and their own application to it.
 */
export async function getApplicationForm(options: { database: DatabaseHandle; actor: Actor; projectSlug: string; now: Date }): Promise<ApplicationFormData> {
  const { db } = options.database;
  const target = await requireApplicationTarget(db, options.actor, options.projectSlug);
  const personId = options.actor.kind === "person" ? options.actor.personId : 0;
  const [own, capped, applicants, eligibility] = await Promise.all([
    findApplicationOf(db, target.project.id, personId),
    listCappedApplicationsOf(db, { personId, termId: target.term.id }),
    target.project.applicationCap === null ? Promise.resolve(0) : countProjectApplicants(db, target.project.id),
    loadEligibilityStatus(db, { termId: target.term.id, personId }),
  ]);
  const { questions, timeline, ...row } = target;
  const reason = notAcceptingReason(target, applicants);
  return {
    target: row,
    questions,
    timeline,
    now: options.now,
    // An applicant already submitted there keeps their place when the project fills up.
    accepting: own?.state === "submitted" ? { accepting: true, reason: null } : { accepting: reason === null, reason },
    eligibility,
    capped,
    application: own ? toApplicationRecord(own, target) : null,
  };
}
