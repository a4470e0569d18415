import { Link } from "wouter";
import { pagePaths } from "../../api/paths.ts";
import { useApi } from "../../api/use-api.ts";
import { Chip } from "../../components/chip.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { ROLE_LABEL } from "../../session/role-words.ts";
import { relativeTo } from "../../time/durations.ts";
import { formatDateTime } from "../../time/format-date.ts";
import { viewerTimeZone } from "../../time/zones.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";
import type { Invitation, ProgramPerson } from "./admin-types.ts";
import { InviteForm } from "./invite-form.tsx";

function when(iso: string): string {
  return formatDateTime(new Date(iso), viewerTimeZone());
}

/** Everyone with a role in the program, with their roles as chips. */
function PeopleTable({ people }: { people: ProgramPerson[] }) {
  if (people.length === 0) return <p>Nobody has a role in this program yet. Invite the first maintainers below.</p>;
  return (
    <table className="data-table">
      <caption className="visually-hidden">People with a role in the program</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">GitHub</th>
          <th scope="col">Email</th>
          <th scope="col">Roles</th>
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.personId}>
            <th scope="row" data-label="Name">
              {person.name}
            </th>
            <td data-label="GitHub">
              {person.githubHandle ? (
                <a href={`https://github.com/${encodeURIComponent(person.githubHandle)}`}>@{person.githubHandle}</a>
              ) : (
                <span className="muted">—</span>
              )}
            </td>
            <td data-label="Email" className="cell-wrap">
              {person.email ?? <span className="muted">—</span>}
            </td>
            <td data-label="Roles">
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
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Where an invitation stands, in words and a chip: accepted, waiting (until when) or expired. */
function InvitationState({ invitation }: { invitation: Invitation }) {
  if (invitation.acceptedAt) return <Chip tone="open">Accepted {when(invitation.acceptedAt)}</Chip>;
  const expires = new Date(invitation.expiresAt);
  if (expires.getTime() <= Date.now()) return <Chip tone="closed">Expired {when(invitation.expiresAt)}</Chip>;
  return <Chip tone="info">Waiting · expires {relativeTo(expires, new Date())}</Chip>;
}

function InvitationsTable({ invitations }: { invitations: Invitation[] }) {
  if (invitations.length === 0) return <p>No invitations yet.</p>;
  return (
    <table className="data-table">
      <caption className="visually-hidden">Invitations of the program</caption>
      <thead>
        <tr>
          <th scope="col">Email</th>
          <th scope="col">Role</th>
          <th scope="col">Sent</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {invitations.map((invitation) => (
          <tr key={invitation.id}>
            <th scope="row" data-label="Email" className="cell-wrap">
              {invitation.email}
            </th>
            <td data-label="Role">{ROLE_LABEL[invitation.role]}</td>
            <td data-label="Sent">{when(invitation.createdAt)}</td>
            <td data-label="State">
              <InvitationState invitation={invitation} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function People({ program }: { program: string }) {
  const people = useApi<{ items: ProgramPerson[] }>(`/api/programs/${encodeURIComponent(program)}/people`);
  const invitations = useApi<{ items: Invitation[] }>(`/api/programs/${encodeURIComponent(program)}/invitations`);
  const sorted = [...(invitations.data?.items ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <>
      <section aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        {people.error ? <ErrorPanel error={people.error} onRetry={people.reload} /> : null}
        {people.data ? <PeopleTable people={people.data.items} /> : people.status === "loading" ? <Loading what="people" /> : null}
      </section>
      <div className="admin-columns">
        <section aria-labelledby="invite-heading" className="panel">
          <h2 id="invite-heading">Invite someone</h2>
          <InviteForm program={program} onInvited={invitations.reload} />
        </section>
        <section aria-labelledby="invitations-heading">
          <h2 id="invitations-heading">Invitations</h2>
          <p className="muted small">
            Each invitation is an email; <Link href={adminPaths.outbox(program)}>the outbox</Link> shows whether it was delivered.
          </p>
          {invitations.error ? <ErrorPanel error={invitations.error} onRetry={invitations.reload} /> : null}
          {invitations.data ? <InvitationsTable invitations={sorted} /> : invitations.status === "loading" ? <Loading what="invitations" /> : null}
        </section>
      </div>
    </>
  );
}

/** `/admin/:program`: the program's people and roles, the invite form and the invitations. */
export function AdminPeoplePage({ program }: { program: string }) {
  return (
    <AdminFrame program={program} title="People and roles">
      {() => <People program={program} />}
    </AdminFrame>
  );
}
