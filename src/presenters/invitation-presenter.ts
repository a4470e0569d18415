import { invitationStateAt } from "../domain/invitation-states.ts";
import { deliveryStateOf, deliveryWords } from "../domain/outbox-states.ts";
import type { Invitation, InvitationScope } from "../schemas/invitation.ts";
import type { InvitationWithScope } from "../storage/schema.ts";

/** An invitation as a program's admins see it: what it is for, who sent it, its state at `at` and its email's delivery; never its token. */
export function presentInvitation(row: InvitationWithScope, at: Date): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    scope: presentScope(row),
    invitedBy: row.invitedByPersonId !== null && row.inviterName !== null ? { personId: row.invitedByPersonId, name: row.inviterName } : null,
    state: invitationStateAt(row, at),
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    acceptedAt: row.acceptedAt,
    delivery: row.emailState
      ? { state: deliveryStateOf(row.emailState), words: deliveryWords(row.emailState, row.emailLastError), sentAt: row.emailSentAt }
      : null,
  };
}

function presentScope(row: InvitationWithScope): InvitationScope {
  const program = { slug: row.programSlug, name: row.programName };
  const organization = row.organizationSlug !== null && row.organizationName !== null ? { slug: row.organizationSlug, name: row.organizationName } : null;
  const project =
    row.projectSlug !== null && row.projectTitle !== null && row.termSlug !== null && row.termTitle !== null
      ? { slug: row.projectSlug, title: row.projectTitle, term: { slug: row.termSlug, title: row.termTitle } }
      : null;
  const words = project
    ? `${project.title} (${[organization?.name, project.term.title].filter(Boolean).join(", ")})`
    : organization
      ? organization.name
      : program.name;
  return { program, organization, project, words };
}
