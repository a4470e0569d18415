import type { PendingChange } from "../../domain/pending-change.ts";
import { parsePendingChange } from "../../domain/pending-change.ts";
import { AppError, type FieldError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { canEditProposal, canProposeChange } from "../../policies/proposal-policy.ts";
import type { ProposalUpdateBody } from "../../schemas/proposal.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { updateProject } from "../../storage/repos/project-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { checkPhaseWindow, loadTermTimeline } from "../terms/phase-window.ts";
import { askNamedMentors } from "./mentor-asks.ts";
import { type ProposalView, requireVisibleProposal, viewProposal } from "./proposal-access.ts";
import { invalidFields, resolveMentors, writeProposalContent } from "./proposal-content.ts";

/** The fields an accepted project's maintainers may change, through a pending change an admin approves. */
const CHANGEABLE_WHEN_ACCEPTED = ["description", "expectedOutcome", "skills", "mentors"] as const;

/** Options of updateProposal. */
export interface UpdateProposalOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  slug: string;
  changes: ProposalUpdateBody;
  baseUrl: string;
  now: Date;
}

/**
 * Saves changes to a proposal as its maintainers type (autosave). A draft, submitted or sent-back
 * proposal changes in place during the proposals window (the program's admins at any time,
 * audited as an override); a mentor newly named on a submitted one is asked at once. On an
 * accepted project the description, outcome, skills and mentors become a pending change that
 * an admin approves, and nothing public changes; its other fields are refused, naming each.
 */
export async function updateProposal(options: UpdateProposalOptions): Promise<ProposalView> {
  const { actor, changes, now } = options;
  return inTransaction(options.database, async (db) => {
    const { record, scope } = await requireVisibleProposal(db, actor, options.slug);
    const audit = { personId: actor.personId, label: actor.name };
    if (canProposeChange(actor, scope)) {
      const refused: FieldError[] = Object.keys(changes)
        .filter((field) => !(CHANGEABLE_WHEN_ACCEPTED as readonly string[]).includes(field))
        .map((field) => ({
          field,
          code: "accepted",
          detail: `"${record.title}" is accepted: its ${field} can no longer change. Only the description, expected outcome, skills and mentors can, with an admin's approval; ask the program's admins for anything else.`,
        }));
      if (refused.length > 0) throw invalidFields(refused);
      // Named mentors are checked now (a handle nobody has is refused) and written when approved.
      if (changes.mentors !== undefined) await resolveMentors(db, changes.mentors, now, { create: false });
      const pending: PendingChange = { ...parsePendingChange(record.pendingChange) };
      if (changes.description !== undefined) pending.description = changes.description;
      if (changes.expectedOutcome !== undefined) pending.expectedOutcome = changes.expectedOutcome;
      if (changes.skills !== undefined) pending.skills = changes.skills;
      if (changes.mentors !== undefined) pending.mentors = changes.mentors;
      if (Object.keys(pending).length === 0) return viewProposal(db, actor, record.slug, now);
      await updateProject(db, record.id, { pendingChange: JSON.stringify(pending), pendingChangeAt: now.toISOString() }, now);
      await recordAuditEvent(db, {
        programId: scope.programId,
        actor: audit,
        action: "proposal.change_proposed",
        objectType: "project",
        objectId: record.id,
        changes: { fields: Object.keys(changes) },
        at: now,
      });
      return viewProposal(db, actor, record.slug, now);
    }
    if (!canEditProposal(actor, scope)) {
      throw new AppError(
        "FORBIDDEN",
        scope.state === "rejected" || scope.state === "withdrawn"
          ? `"${record.title}" is ${scope.state}: it can no longer change.`
          : `Only the maintainers of ${record.organization.name} and the program's admins may change "${record.title}".`,
      );
    }
    // An autosave with nothing in it writes nothing and records nothing.
    if (Object.keys(changes).length === 0) return viewProposal(db, actor, record.slug, now);
    const window = await checkPhaseWindow(db, actor, {
      programId: scope.programId,
      timeline: await loadTermTimeline(db, record.term),
      action: "proposeProject",
      now,
    });
    const { addedMentors } = await writeProposalContent(db, record, changes, now);
    await recordAuditEvent(db, {
      programId: scope.programId,
      actor: audit,
      action: "proposal.updated",
      objectType: "project",
      objectId: record.id,
      changes: { fields: Object.keys(changes), ...(window.override ? { override: window.override } : {}) },
      at: now,
    });
    // Mentors are asked once the proposal is submitted; one named afterwards is asked when named.
    if (scope.state !== "draft" && addedMentors.length > 0) {
      await askNamedMentors(db, { projectId: record.id, slug: record.slug, actor, baseUrl: options.baseUrl, now, only: addedMentors });
    }
    return viewProposal(db, actor, record.slug, now);
  });
}
