import { slugify, uniqueSlug } from "../../domain/slug.ts";
import { AppError } from "../../errors/app-error.ts";
import type { SignedIn } from "../../policies/actor.ts";
import { canProposeFor } from "../../policies/proposal-policy.ts";
import { canSeeTerm } from "../../policies/term-policy.ts";
import type { ProposalCreateBody } from "../../schemas/proposal.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { recordAuditEvent } from "../../storage/repos/audit-repo.ts";
import { findOrganizationBySlug } from "../../storage/repos/organization-repo.ts";
import { insertProject } from "../../storage/repos/project-repo.ts";
import { listProjectSlugsLike } from "../../storage/repos/proposal-repo.ts";
import { findTermBySlug } from "../../storage/repos/term-repo.ts";
import { inTransaction } from "../../storage/transaction.ts";
import { checkPhaseWindow, loadTermTimeline } from "../terms/phase-window.ts";
import { type ProposalView, viewProposal } from "./proposal-access.ts";
import { writeProposalContent } from "./proposal-content.ts";

/** Options of createProposal. */
export interface CreateProposalOptions {
  database: DatabaseHandle;
  actor: SignedIn;
  termSlug: string;
  body: ProposalCreateBody;
  now: Date;
}

/**
 * Starts a draft proposal of an organization in a term, during the term's proposals window (its
 * admins at any time, audited as an override). Its slug is the term's slug and the title's, made
 * unique, and stays the same from then on whatever the title becomes. A draft term is not public:
 * only its admins may propose in it; to anyone else it does not exist.
 */
export async function createProposal(options: CreateProposalOptions): Promise<ProposalView> {
  const { actor, body, now } = options;
  return inTransaction(options.database, async (db) => {
    const term = await findTermBySlug(db, options.termSlug);
    if (!term || !canSeeTerm(actor, term)) {
      throw new AppError("NOT_FOUND", `There is no term "${options.termSlug}".`);
    }
    const organization = await findOrganizationBySlug(db, term.programId, body.organization);
    if (!organization) {
      throw new AppError("NOT_FOUND", `The program has no organization "${body.organization}".`, undefined, {
        errors: [{ field: "organization", code: "not_found", detail: `There is no organization "${body.organization}" in this program.` }],
      });
    }
    if (!canProposeFor(actor, { programId: term.programId, organizationId: organization.id })) {
      throw new AppError("FORBIDDEN", `Only the maintainers of ${organization.name} and the program's admins may propose projects for it.`);
    }
    const timeline = await loadTermTimeline(db, term);
    const window = await checkPhaseWindow(db, actor, { programId: term.programId, timeline, action: "proposeProject", now });

    const base = `${term.slug}-${slugify(body.title) || "project"}`;
    const slug = uniqueSlug(base, await listProjectSlugsLike(db, base));
    const { organization: _, ...fields } = body;
    const project = await insertProject(
      db,
      term.id,
      slug,
      {
        organizationId: organization.id,
        title: body.title,
        groupName: null,
        intro: null,
        description: "",
        expectedOutcome: "",
        descriptionHtml: "",
        expectedOutcomeHtml: "",
        summary: "",
        skillsText: "",
        externalUrl: null,
        state: "proposed",
        proposalStage: "draft",
        proposedByPersonId: actor.personId,
        sourceLine: null,
      },
      now,
    );
    await writeProposalContent(db, project, fields, now);
    await recordAuditEvent(db, {
      programId: term.programId,
      actor: { personId: actor.personId, label: actor.name },
      action: "proposal.created",
      objectType: "project",
      objectId: project.id,
      changes: {
        slug,
        organization: organization.slug,
        term: term.slug,
        fields: Object.keys(fields),
        ...(window.override ? { override: window.override } : {}),
      },
      at: now,
    });
    return viewProposal(db, actor, slug, now);
  });
}
