import { useState } from "react";
import { ROLES } from "../../../../src/domain/roles.ts";
import type { CatalogResponse, TermListResponse, TermSummary } from "../../../../src/schemas/catalog.ts";
import type { Invitation, InvitationBody } from "../../../../src/schemas/invitation.ts";
import { apiPaths } from "../../api/paths.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { type Choice, ChoiceField, EmailField, SelectField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { useForm } from "../../forms/use-form.ts";
import { ROLE_ARTICLE, ROLE_LABEL, ROLE_MEANING, type RoleKey } from "../../session/role-words.ts";

const FIELDS = ["email", "role", "term", "organization", "project"] as const;

const ROLE_CHOICES: readonly Choice<RoleKey>[] = ROLES.map((key) => ({ value: key, label: ROLE_LABEL[key], hint: ROLE_MEANING[key] }));

/** The term whose organizations and projects are offered first: the one running or next, else the newest. */
function defaultTerm(terms: TermSummary[]): string {
  return (terms.find((term) => term.status !== "complete") ?? terms[0])?.slug ?? "";
}

/**
 * Invites someone by email to a role: program admin, maintainer of an organization or mentor
 * of a project (both chosen from a term of the program). The email goes out through the outbox.
 */
export function InviteForm({ program, onInvited }: { program: string; onInvited(invitation: Invitation): void }) {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<RoleKey>("maintainer");
  const [chosenTerm, setChosenTerm] = useState<string | null>(null);
  const [organization, setOrganization] = useState("");
  const [project, setProject] = useState("");
  const [sent, setSent] = useState<{ email: string; words: string } | null>(null);

  const terms = useApi<TermListResponse>(apiPaths.programTerms(program));
  const termSlug = chosenTerm ?? defaultTerm(terms.data?.items ?? []);
  const scoped = role !== "program_admin";
  const catalog = useApi<CatalogResponse>(scoped && termSlug ? apiPaths.termProjects(termSlug, "limit=100") : null);
  const organizations = catalog.data?.facets.organizations ?? [];
  const projects = catalog.data?.items ?? [];
  const byOrganization = new Map<string, typeof projects>();
  for (const item of projects) byOrganization.set(item.organization.name, [...(byOrganization.get(item.organization.name) ?? []), item]);

  const invite = async () => {
    const body: InvitationBody = {
      email,
      role,
      ...(role === "maintainer" && organization ? { organization } : {}),
      ...(role === "mentor" && project ? { project } : {}),
    };
    const invitation = await sendJson<Invitation>("POST", `/api/programs/${encodeURIComponent(program)}/invitations`, body);
    const where =
      role === "maintainer"
        ? ` of ${organizations.find((value) => value.name === organization)?.label ?? organization}`
        : role === "mentor"
          ? ` of “${projects.find((value) => value.slug === project)?.title ?? project}”`
          : "";
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
  const loadingChoices = scoped && (terms.status === "loading" || catalog.status === "loading") && !catalog.data;

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
        <>
          <SelectField
            name="term"
            label="Term"
            hint={role === "maintainer" ? "The organizations of this term are listed below." : "The projects of this term are listed below."}
            value={termSlug}
            onChange={(event) => {
              setChosenTerm(event.target.value);
              setOrganization("");
              setProject("");
            }}
            error={form.errors.fields.term}
          >
            {(terms.data?.items ?? []).map((term) => (
              <option key={term.slug} value={term.slug}>
                {term.title} ({term.statusLabel})
              </option>
            ))}
          </SelectField>
          {role === "maintainer" ? (
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
                <option key={value.name} value={value.name}>
                  {value.label}
                </option>
              ))}
            </SelectField>
          ) : (
            <SelectField
              name="project"
              label="Project"
              value={project}
              onChange={(event) => setProject(event.target.value)}
              error={form.errors.fields.project}
              aria-busy={loadingChoices || undefined}
            >
              <option value="">{loadingChoices ? "Loading projects…" : "Choose a project"}</option>
              {[...byOrganization.entries()].map(([name, items]) => (
                <optgroup key={name} label={name}>
                  {items.map((item) => (
                    <option key={item.slug} value={item.slug}>
                      {item.title}
                    </option>
                  ))}
                </optgroup>
              ))}
            </SelectField>
          )}
        </>
      ) : null}
      <div>
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? "Sending…" : "Send the invitation"}
        </button>
      </div>
    </form>
  );
}
