import { effectiveProjectQuota } from "../../domain/project-quota.ts";
import { QUOTA_PROPOSAL_STATES, storedProposalState } from "../../domain/proposal-states.ts";
import { AppError, type FieldError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { canEditProposal } from "../../policies/proposal-policy.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findProgramById } from "../../storage/repos/program-repo.ts";
import { updateProject } from "../../storage/repos/project-repo.ts";
import { listProposalTitlesIn, lockOrganizationForQuota } from "../../storage/repos/proposal-repo.ts";
import type { ProposalRecord } from "../../storage/schema.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { checkPhaseWindow, loadTermTimeline } from "../terms/phase-window.ts";
import { askNamedMentors } from "./mentor-asks.ts";
import { type ProposalView, requireVisibleProposal, viewProposal } from "./proposal-access.ts";
import { invalidFields } from "./proposal-content.ts";

/** Options of submitProposal. */
export interface SubmitProposalOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  slug: string;
  baseUrl: string;
  now: Date;
}

/**
 * Submits a draft (or a proposal sent back for changes) for the admins' decision, during the
 * proposals window (the program's admins at any time, audited as an override). It must be
 * complete, each missing part named; and within the organization's quota for the term, counted
 * while the organization's row is locked, so two submits at once cannot both take the last
 * place. Each named mentor who has not answered gets one email asking them to confirm.
 */
export async function submitProposal(options: SubmitProposalOptions): Promise<ProposalView> {
  const { actor, now } = options;
  return inTransaction(options.database, async (db) => {
    const { record, scope } = await requireVisibleProposal(db, actor, options.slug);
    if (!canEditProposal(actor, scope)) {
      throw new AppError("FORBIDDEN", `Only the maintainers of ${record.organization.name} and the program's admins may submit "${record.title}".`);
    }
    // Submitting twice (a retried request) leaves the proposal as it is.
    if (scope.state === "submitted") return viewProposal(db, actor, record.slug, now);
    const window = await checkPhaseWindow(db, actor, {
      programId: scope.programId,
      timeline: await loadTermTimeline(db, record.term),
      action: "proposeProject",
      now,
    });
    const missing = missingParts(record);
    if (missing.length > 0) throw invalidFields(missing);

    await lockOrganizationForQuota(db, record.organizationId);
    const program = await findProgramById(db, scope.programId);
    const quota = program ? effectiveProjectQuota(record.organization, program) : record.organization.projectQuota;
    if (quota !== null) {
      const counted = await listProposalTitlesIn(db, record.term.id, record.organizationId, QUOTA_PROPOSAL_STATES, record.id);
      if (counted.length >= quota) {
        const titles = counted.length > 0 ? ` (${counted.map((title) => `"${title}"`).join(", ")})` : "";
        throw new AppError(
          "LIMIT_REACHED",
          `${record.organization.name} has ${counted.length} of its ${quota} proposals for ${record.term.title} submitted${titles}; withdraw one or ask the program's admins for more.`,
          { quota, counted: counted.length },
        );
      }
    }

    await updateProject(db, record.id, { ...storedProposalState("submitted"), submittedAt: now.toISOString() }, now);
    await recordAuditEvent(db, {
      programId: scope.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "proposal.submitted",
      objectType: "project",
      objectId: record.id,
      changes: { from: scope.state, ...(window.override ? { override: window.override } : {}) },
      at: now,
    });
    await askNamedMentors(db, { projectId: record.id, slug: record.slug, actor, baseUrl: options.baseUrl, now });
    return viewProposal(db, actor, record.slug, now);
  });
}

/** What a proposal still lacks before it can be submitted, each as the field to fill in. */
function missingParts(record: ProposalRecord): FieldError[] {
  const missing: FieldError[] = [];
  const need = (field: string, detail: string) => missing.push({ field, code: "required", detail });
  if (record.title.trim() === "") need("title", "Give the project a title.");
  if (record.description.trim() === "") need("description", "Describe the project.");
  if (record.expectedOutcome.trim() === "") need("expectedOutcome", "Say what the mentee will have made by the end.");
  if (record.skills.length === 0) need("skills", "Name at least one recommended skill.");
  if (record.mentors.length === 0) need("mentors", "Name at least one mentor.");
  for (const [index, question] of record.questions.entries()) {
    if (question.kind === "choice" && question.choices.length < 2) {
      missing.push({ field: `questions.${index}.choices`, code: "too_small", detail: `Question ${index + 1} asks to choose: give it at least two choices.` });
    }
  }
  return missing;
}
