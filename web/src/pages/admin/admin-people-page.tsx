import { Link } from "wouter";
import type { ProgramPeopleResponse, ProgramPerson } from "../../../../src/schemas/admin.ts";
import type { Invitation, InvitationListResponse } from "../../../../src/schemas/invitation.ts";
import { pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { ROLE_LABEL } from "../../session/role-words.ts";
import { relativeTo } from "../../time/durations.ts";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";
import { InviteForm } from "./invite-form.tsx";
import { OverdueEvaluationsNote } from "./overdue-evaluations-note.tsx";

function when(iso: string): string {
  return formatDateTime(new Date(iso), viewerTimeZone());
}

/** A person's roles as chips, each with the organization or project it is for. */
function RoleChips({ person }: { person: ProgramPerson }) {
  return (
    <ul className="chip-list">
      {person.roles.map((role) => (
        <li key={`${role.role}-${role.organization?.slug ?? ""}-${role.project?.slug ?? ""}`}>
          <Chip tone={role.role === "program_admin" ? "info" : "neutral"}>
            {ROLE_LABEL[role.role]}
            {role.organization ? ` · ${role.organization.name}` : ""}
          </Chip>
          {role.project ? (
            <>
              {" "}
              <Link href={pagePaths.project(role.project.slug)} className="small">
                {role.project.title}
              </Link>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

const NONE = <span className="muted">—</span>;

/** Everyone with a role in the program, sortable by name, handle or email. */
const PEOPLE_COLUMNS: Column<ProgramPerson>[] = [
  { key: "name", header: "Name", rowHeader: true, cell: (person) => person.name, compare: (a, b) => a.name.localeCompare(b.name) },
  {
    key: "github",
    header: "GitHub",
    cell: (person) => (person.githubHandle ? <a href={`https://github.com/${encodeURIComponent(person.githubHandle)}`}>@{person.githubHandle}</a> : NONE),
    compare: (a, b) => (a.githubHandle ?? "").localeCompare(b.githubHandle ?? ""),
  },
  {
    key: "email",
    header: "Email",
    className: "cell-wrap",
    cell: (person) => person.email ?? NONE,
    compare: (a, b) => (a.email ?? "").localeCompare(b.email ?? ""),
  },
  { key: "roles", header: "Roles", cell: (person) => <RoleChips person={person} /> },
];

/** Where an invitation stands, as the server worked it out: accepted (when), waiting (until when) or expired. */
function InvitationState({ invitation }: { invitation: Invitation }) {
  if (invitation.state === "accepted" && invitation.acceptedAt) return <Chip tone="open">Accepted {when(invitation.acceptedAt)}</Chip>;
  if (invitation.state === "expired") return <Chip tone="closed">Expired {when(invitation.expiresAt)}</Chip>;
  return <Chip tone="info">Waiting · expires {relativeTo(new Date(invitation.expiresAt), new Date())}</Chip>;
}

/** Whether the invitation's email has left: "queued, not sent" until the outbox has sent it, "sent", or "failed: why". */
function DeliveryState({ invitation }: { invitation: Invitation }) {
  const delivery = invitation.delivery;
  if (!delivery) return NONE;
  const tone = delivery.state === "sent" ? "open" : delivery.state === "failed" ? "closed" : "neutral";
  return <Chip tone={tone}>{delivery.state === "sent" && delivery.sentAt ? `Sent ${when(delivery.sentAt)}` : capitalized(delivery.words)}</Chip>;
}

function capitalized(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What the invitation is for: the program, an organization, or a project (linked to its page) with its term. */
function InvitationScope({ invitation }: { invitation: Invitation }) {
  const { project, organization, program } = invitation.scope;
  if (project) {
    return (
      <>
        <Link href={pagePaths.project(project.slug)}>{project.title}</Link>
        <span className="muted small">
          {" "}
          · {organization ? `${organization.name}, ` : ""}
          {project.term.title}
        </span>
      </>
    );
  }
  return <>{organization ? organization.name : `${program.name} (the whole program)`}</>;
}

/** The program's invitations, newest first unless the URL sorts them otherwise. */
const INVITATION_COLUMNS: Column<Invitation>[] = [
  {
    key: "email",
    header: "Email",
    rowHeader: true,
    className: "cell-wrap",
    cell: (invitation) => invitation.email,
    compare: (a, b) => a.email.localeCompare(b.email),
  },
  { key: "role", header: "Role", cell: (invitation) => ROLE_LABEL[invitation.role], compare: (a, b) => ROLE_LABEL[a.role].localeCompare(ROLE_LABEL[b.role]) },
  {
    key: "for",
    header: "For",
    className: "cell-wrap",
    cell: (invitation) => <InvitationScope invitation={invitation} />,
    compare: (a, b) => a.scope.words.localeCompare(b.scope.words),
  },
  {
    key: "invitedBy",
    header: "Invited by",
    cell: (invitation) => invitation.invitedBy?.name ?? NONE,
    compare: (a, b) => (a.invitedBy?.name ?? "").localeCompare(b.invitedBy?.name ?? ""),
  },
  { key: "sent", header: "Invited", cell: (invitation) => when(invitation.createdAt), compare: (a, b) => a.createdAt.localeCompare(b.createdAt) },
  { key: "expires", header: "Expires", cell: (invitation) => when(invitation.expiresAt), compare: (a, b) => a.expiresAt.localeCompare(b.expiresAt) },
  { key: "state", header: "State", cell: (invitation) => <InvitationState invitation={invitation} />, compare: (a, b) => a.state.localeCompare(b.state) },
  {
    key: "delivery",
    header: "Delivery",
    cell: (invitation) => <DeliveryState invitation={invitation} />,
    compare: (a, b) => (a.delivery?.words ?? "").localeCompare(b.delivery?.words ?? ""),
  },
];

function People({ program }: { program: string }) {
  const people = useApi<ProgramPeopleResponse>(`/api/programs/${encodeURIComponent(program)}/people`);
  const invitations = useApi<InvitationListResponse>(`/api/programs/${encodeURIComponent(program)}/invitations`);
  const sorted = [...(invitations.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        {people.error ? <ErrorPanel error={people.error} onRetry={people.reload} /> : null}
        {people.data ? (
          <DataTable
            caption="People with a role in the program"
            columns={PEOPLE_COLUMNS}
            rows={people.data.items}
            rowKey={(person) => person.personId}
            empty={<p>Nobody has a role in this program yet. Invite the first maintainers below.</p>}
          />
        ) : people.status === "loading" ? (
          <Loading what="people" />
        ) : null}
      </section>
      <div className="admin-columns">
        <section aria-labelledby="invite-heading" className="panel">
          <h2 id="invite-heading">Invite someone</h2>
          <InviteForm program={program} onInvited={invitations.reload} />
        </section>
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">Invitations</h2>
          <p className="muted small">
            Each invitation is an email: the Delivery column says whether it has left, and <Link href={adminPaths.outbox(program)}>the outbox</Link> shows it in
            full.
          </p>
          {invitations.error ? <ErrorPanel error={invitations.error} onRetry={invitations.reload} /> : null}
          {invitations.data ? (
            <DataTable
              caption="Invitations of the program"
              columns={INVITATION_COLUMNS}
              rows={sorted}
              rowKey={(invitation) => invitation.id}
              sortParam="invitationSort"
              empty={<p>No invitations yet.</p>}
            />
          ) : invitations.status === "loading" ? (
            <Loading what="invitations" />
          ) : null}
        </section>
      </div>
    </>
  );
}

/** `/admin/:program`: the program's people and roles, the invite form and the invitations. */
export function AdminPeoplePage({ program }: { program: string }) {
  return (
    <AdminFrame program={program} title="People and roles">
      {() => (
        <>
          <OverdueEvaluationsNote program={program} />
          <People program={program} />
        </>
      )}
    </AdminFrame>
  );
}
