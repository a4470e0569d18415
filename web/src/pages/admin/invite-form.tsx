import { useState } from "react";
import { ROLES } from "../../../../src/domain/roles.ts";
import type { ProgramOrganizationsResponse } from "../../../../src/schemas/admin.ts";
import type { Invitation, InvitationBody } from "../../../../src/schemas/invitation.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { useUrlParams } from "../../components/use-url-params.ts";
import { type Choice, ChoiceField, EmailField, SelectField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { useForm } from "../../forms/use-form.ts";
import { ROLE_ARTICLE, ROLE_LABEL, ROLE_MEANING, type RoleKey } from "../../session/role-words.ts";

const FIELDS = ["email", "role", "term", "organization", "project"] as const;

const ROLE_CHOICES: readonly Choice<RoleKey>[] = ROLES.map((key) => ({ value: key, label: ROLE_LABEL[key], hint: ROLE_MEANING[key] }));

/** The terms the program's projects belong to, newest first, as the server orders the projects. */
function termsOf(organizations: ProgramOrganizationsResponse["items"]): Array<{ slug: string; title: string }> {
  const terms = new Map<string, string>();
  for (const organization of organizations) for (const project of organization.projects) terms.set(project.term.slug, project.term.title);
  return [...terms.entries()].map(([slug, title]) => ({ slug, title })).sort((a, b) => b.slug.localeCompare(a.slug));
}

/**
 * Invites someone by email to a role: program admin, maintainer of an organization or mentor
 * of a project, both chosen by name from the program's own list (projects by term, grouped by
 * organization). The email goes out through the outbox.
 */
export function InviteForm({ program, onInvited }: { program: string; onInvited(invitation: Invitation): void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<RoleKey>("maintainer");
  const [chosenTerm, setChosenTerm] = useState<string | null>(null);
  const [params] = useUrlParams();
  // The organizations page links here with the organization to invite a maintainer of.
  const [organization, setOrganization] = useState(() => params.get("organization") ?? "");
  const [project, setProject] = useState("");
  const [sent, setSent] = useState<{ email: string; words: string } | null>(null);

  // Every organization of the program and every project of its terms, whatever their state, by name.
  const choices = useApi<ProgramOrganizationsResponse>(`/api/programs/${encodeURIComponent(program)}/organizations`);
  const organizations = choices.data?.items ?? [];
  const terms = termsOf(organizations);
  const termSlug = chosenTerm ?? terms[0]?.slug ?? "";
  const scoped = role !== "program_admin";
  const byOrganization = organizations
    .map((value) => ({ name: value.name, projects: value.projects.filter((item) => item.term.slug === termSlug) }))
    .filter((group) => group.projects.length > 0);

  const invite = async () => {
    const body: InvitationBody = {
      email,
      role,
      ...(role === "maintainer" && organization ? { organization } : {}),
      ...(role === "mentor" && project ? { project } : {}),
    };
    const invitation = await sendJson<Invitation>("POST", `/api/programs/${encodeURIComponent(program)}/invitations`, body);
    // The answer names the scope as the server stored it.
    const { project: invitedTo, organization: invitedIn } = invitation.scope;
    const where = invitedTo ? ` of “${invitedTo.title}”` : invitedIn ? ` of ${invitedIn.name}` : "";
    setSent({ email: invitation.email, words: `${ROLE_ARTICLE[role]}${where}` });
    setEmail("");
    onInvited(invitation);
  };
  const form = useForm(FIELDS, invite, {
    formId: "invite",
    required: () => ({
      email: !email.trim() && "Enter the email address to send the invitation to.",
      organization: role === "maintainer" && !organization && "Choose the organization the maintainer will look after.",
      project: role === "mentor" && !project && "Choose the project the mentor will mentor.",
    }),
  });
  const loadingChoices = scoped && choices.status === "loading" && !choices.data;

  return (
    <form className="stack invite-form" noValidate onSubmit={form.onSubmit} aria-labelledby="invite-heading">
      {sent ? (
        <Notice title={`Invitation sent to ${sent.email} to be ${sent.words}.`}>
          <p>The link in the email works once, for 14 days. When they accept, they appear under People with their new role.</p>
        </Notice>
      ) : null}
      <FormError id="invite" error={form.errors.form} />
      <EmailField
        name="email"
        label="Email address"
        hint="They accept with an account of this address, and can create one from the email."
        autoComplete="off"
        value={email}
        onChange={(event) => {
          setSent(null);
          setEmail(event.target.value);
        }}
        error={form.errors.fields.email}
      />
      <ChoiceField name="role" legend="Role" choices={ROLE_CHOICES} value={role} onChange={setRole} error={form.errors.fields.role} />
      {scoped ? (
        role === "maintainer" ? (
          <SelectField
            name="organization"
            label="Organization"
            value={organization}
            onChange={(event) => setOrganization(event.target.value)}
            error={form.errors.fields.organization}
            aria-busy={loadingChoices || undefined}
          >
            <option value="">{loadingChoices ? "Loading organizations…" : "Choose an organization"}</option>
            {organizations.map((value) => (
              <option key={value.slug} value={value.slug}>
                {value.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <>
            <SelectField
              name="term"
              label="Term"
              hint="The projects of this term are listed below."
              value={termSlug}
              onChange={(event) => {
                setChosenTerm(event.target.value);
                setProject("");
              }}
              error={form.errors.fields.term}
            >
              {terms.map((term) => (
                <option key={term.slug} value={term.slug}>
                  {term.title}
                </option>
              ))}
            </SelectField>
            <SelectField
              name="project"
              label="Project"
              value={project}
              onChange={(event) => setProject(event.target.value)}
              error={form.errors.fields.project}
              aria-busy={loadingChoices || undefined}
            >
              <option value="">{loadingChoices ? "Loading projects…" : "Choose a project"}</option>
              {byOrganization.map((group) => (
                <optgroup key={group.name} label={group.name}>
                  {group.projects.map((item) => (
                    <option key={item.slug} value={item.slug}>
                      {item.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
          </>
        )
      ) : null}
      <div>
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? "Sending…" : "Send the invitation"}
        </button>
      </div>
    </form>
  );
}
