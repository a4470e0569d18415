import { useEffect, useRef, useState } from "react";
import { Link } from "wouter";
import { slugify } from "../../../../src/domain/slug.ts";
import type { ProgramOrganization, ProgramOrganizationsResponse } from "../../../../src/schemas/admin.ts";
import type { Organization, OrganizationBody, OrganizationUpdateBody } from "../../../../src/schemas/organization.ts";
import { ORGANIZATION_DESCRIPTION_MAX_LENGTH, ORGANIZATION_QUOTA_LIMITS, ORGANIZATION_SLUG_MAX_LENGTH } from "../../../../src/schemas/organization.ts";
import type { ProgramSettings } from "../../../../src/schemas/program-settings.ts";
import { sendJson } from "../../api/send-json.ts";
import { useApi } from "../../api/use-api.ts";
import { type Column, DataTable } from "../../components/data-table.tsx";
import { ErrorPanel, Loading } from "../../components/load-states.tsx";
import { useUrlParams } from "../../components/use-url-params.ts";
import { TextField } from "../../forms/field.tsx";
import { FormError, Notice } from "../../forms/form-error.tsx";
import { useForm } from "../../forms/use-form.ts";
import { AdminFrame, adminPaths } from "./admin-frame.tsx";

const FIELDS = ["name", "slug", "website", "repositoryUrl", "description", "projectQuota"] as const;

/** An organization as the form holds it: what was typed. */
type Draft = Record<(typeof FIELDS)[number], string>;

const EMPTY: Draft = { name: "", slug: "", website: "", repositoryUrl: "", description: "", projectQuota: "" };

function draftOf(organization: Organization): Draft {
  return {
    name: organization.name,
    slug: organization.slug,
    website: organization.website ?? "",
    repositoryUrl: organization.repositoryUrl ?? "",
    description: organization.description ?? "",
    projectQuota: organization.projectQuota === null ? "" : String(organization.projectQuota),
  };
}

/** What the form sends: empty text is "none", an empty quota follows the program's. */
function detailsOf(draft: Draft) {
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    name: draft.name,
    website: text(draft.website),
    repositoryUrl: text(draft.repositoryUrl),
    description: text(draft.description),
    projectQuota: draft.projectQuota.trim() === "" ? null : Number(draft.projectQuota.trim()),
  };
}

/** The program's quota in words, for the quota field's hint and the table. */
function programQuotaWords(quota: number | null | undefined): string {
  if (quota === undefined) return "the program's";
  return quota === null ? "no limit (the program sets none)" : `${quota} (the program's)`;
}

const NONE = <span className="muted">—</span>;

/** A link that shows its address without the scheme, so a narrow cell holds it. */
function WebLink({ href, label }: { href: string | null; label: string }) {
  if (!href) return null;
  return (
    <li>
      <a href={href} rel="noopener noreferrer">
        {label}
        <span className="visually-hidden"> ({href.replace(/^https?:\/\//, "")})</span>
      </a>
    </li>
  );
}

function columnsFor(program: string, programQuota: number | null | undefined, onEdit: (slug: string) => void): Column<ProgramOrganization>[] {
  return [
    {
      key: "name",
      header: "Organization",
      rowHeader: true,
      // One element, so the phone's card layout keeps the slug under the name.
      cell: (organization) => (
        <span className="organization-name">
          {organization.name}
          <span className="muted small organization-slug"> {organization.slug}</span>
        </span>
      ),
      compare: (a, b) => a.name.localeCompare(b.name),
    },
    {
      key: "about",
      header: "About",
      className: "cell-wrap",
      cell: (organization) =>
        organization.description || organization.website || organization.repositoryUrl ? (
          <>
            {organization.description ? <p className="organization-description">{organization.description}</p> : null}
            {organization.website || organization.repositoryUrl ? (
              <ul className="inline-links">
                <WebLink href={organization.website} label="Website" />
                <WebLink href={organization.repositoryUrl} label="Repository" />
              </ul>
            ) : null}
          </>
        ) : (
          NONE
        ),
    },
    {
      key: "quota",
      header: "Proposals per term",
      cell: (organization) =>
        organization.projectQuota !== null ? (
          <>
            {organization.projectQuota} <span className="muted small">(its own)</span>
          </>
        ) : organization.effectiveProjectQuota !== null ? (
          <>
            {organization.effectiveProjectQuota} <span className="muted small">(the program's)</span>
          </>
        ) : (
          <span className="muted">{programQuota === undefined ? "The program's" : "No limit"}</span>
        ),
      compare: (a, b) => (a.effectiveProjectQuota ?? Number.POSITIVE_INFINITY) - (b.effectiveProjectQuota ?? Number.POSITIVE_INFINITY),
    },
    {
      key: "projects",
      header: "Projects",
      cell: (organization) => organization.projects.length,
      compare: (a, b) => a.projects.length - b.projects.length,
    },
    {
      key: "actions",
      header: "Actions",
      headerHidden: true,
      cell: (organization) => (
        <div className="row-actions">
          <button type="button" className="button" onClick={() => onEdit(organization.slug)}>
            Edit<span className="visually-hidden"> {organization.name}</span>
          </button>
          <Link href={`${adminPaths.people(program)}?organization=${encodeURIComponent(organization.slug)}#invite-heading`}>
            Invite a maintainer<span className="visually-hidden"> of {organization.name}</span>
          </Link>
        </div>
      ),
    },
  ];
}

/**
 * The add form, or the edit form of one organization: the same fields, errors beside each, what
 * was typed kept when the server refuses it.
 */
function OrganizationForm({
  program,
  editing,
  programQuota,
  onSaved,
  onCancel,
}: {
  program: string;
  editing: Organization | null;
  programQuota: number | null | undefined;
  onSaved(organization: Organization, added: boolean): void;
  onCancel(): void;
}) {
  const [draft, setDraft] = useState<Draft>(() => (editing ? draftOf(editing) : EMPTY));
  const set = (key: keyof Draft, value: string) => setDraft((previous) => ({ ...previous, [key]: value }));
  const suggestedSlug = slugify(draft.name, ORGANIZATION_SLUG_MAX_LENGTH);
  const base = `/api/programs/${encodeURIComponent(program)}/organizations`;

  const save = async () => {
    if (editing) {
      const body: OrganizationUpdateBody = { ...detailsOf(draft), slug: draft.slug.trim() };
      onSaved(await sendJson<Organization>("PATCH", `${base}/${encodeURIComponent(editing.slug)}`, body), false);
    } else {
      const body: OrganizationBody = { ...detailsOf(draft), ...(draft.slug.trim() ? { slug: draft.slug.trim() } : {}) };
      onSaved(await sendJson<Organization>("POST", base, body), true);
    }
  };
  const form = useForm(FIELDS, save, {
    formId: "organization",
    required: () => ({
      name: !draft.name.trim() && "Enter the organization's name.",
      slug: editing !== null && !draft.slug.trim() && "Enter the organization's slug.",
    }),
  });
  const left = ORGANIZATION_DESCRIPTION_MAX_LENGTH - draft.description.length;

  return (
    <form className="stack organization-form" noValidate onSubmit={form.onSubmit} aria-labelledby="organization-form-heading">
      <FormError id="organization" error={form.errors.form} />
      <TextField
        name="name"
        label="Name"
        autoComplete="off"
        value={draft.name}
        onChange={(event) => set("name", event.target.value)}
        error={form.errors.fields.name}
      />
      <TextField
        name="slug"
        label={editing ? "Slug" : "Slug (optional)"}
        hint={
          editing
            ? "Lower-case letters, digits and hyphens. Catalog links filtered by the old slug stop matching it."
            : suggestedSlug
              ? `Lower-case letters, digits and hyphens. Leave empty to use ${suggestedSlug}.`
              : "Lower-case letters, digits and hyphens; made from the name when left empty."
        }
        autoComplete="off"
        spellCheck={false}
        autoCapitalize="none"
        placeholder={editing ? undefined : suggestedSlug || undefined}
        value={draft.slug}
        onChange={(event) => set("slug", event.target.value)}
        error={form.errors.fields.slug}
      />
      <TextField
        name="website"
        label="Website (optional)"
        hint="Starting with https://, such as https://goharbor.io."
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={draft.website}
        onChange={(event) => set("website", event.target.value)}
        error={form.errors.fields.website}
      />
      <TextField
        name="repositoryUrl"
        label="Repository (optional)"
        hint="Its main repository or GitHub organization, such as https://github.com/goharbor."
        type="url"
        inputMode="url"
        autoComplete="off"
        spellCheck={false}
        value={draft.repositoryUrl}
        onChange={(event) => set("repositoryUrl", event.target.value)}
        error={form.errors.fields.repositoryUrl}
      />
      <TextField
        name="description"
        label="Short description (optional)"
        hint={`Plain text on one line: what the organization makes. ${left >= 0 ? `${left} of ${ORGANIZATION_DESCRIPTION_MAX_LENGTH} characters left.` : `${-left} characters too many.`}`}
        autoComplete="off"
        value={draft.description}
        onChange={(event) => set("description", event.target.value)}
        error={form.errors.fields.description}
      />
      <TextField
        name="projectQuota"
        label="Proposals per term (optional)"
        hint={`Leave empty to follow ${programQuotaWords(programQuota)}. ${ORGANIZATION_QUOTA_LIMITS.min} lets it propose nothing.`}
        type="number"
        inputMode="numeric"
        min={ORGANIZATION_QUOTA_LIMITS.min}
        max={ORGANIZATION_QUOTA_LIMITS.max}
        step={1}
        className="input-number"
        value={draft.projectQuota}
        onChange={(event) => set("projectQuota", event.target.value)}
        error={form.errors.fields.projectQuota}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={form.busy}>
          {form.busy ? "Saving…" : editing ? "Save changes" : "Add the organization"}
        </button>
        {editing ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}

function Organizations({ program }: { program: string }) {
  const organizations = useApi<ProgramOrganizationsResponse>(`/api/programs/${encodeURIComponent(program)}/organizations`);
  const settings = useApi<ProgramSettings>(`/api/programs/${encodeURIComponent(program)}/settings`);
  const [params, setParams] = useUrlParams();
  const [saved, setSaved] = useState<{ organization: Organization; added: boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const editSlug = params.get("edit");
  const editing = editSlug ? (organizations.data?.items.find((organization) => organization.slug === editSlug) ?? null) : null;
  // undefined while the settings load: the words then say "the program's" without a number.
  const programQuota = settings.data ? settings.data.projectQuota : undefined;

  const edit = (slug: string | null) => {
    setSaved(null);
    setParams({ edit: slug });
  };
  // The form takes the place of the add form: focus goes to its heading, so the keyboard lands on it.
  useEffect(() => {
    if (editing) heading.current?.focus();
  }, [editing]);

  return (
    <>
      <section aria-labelledby="organizations-heading">
        <h2 id="organizations-heading">All organizations</h2>
        <p className="muted small">
          Maintainers of an organization propose its projects each term, up to its quota. Invite them from here or from{" "}
          <Link href={adminPaths.people(program)}>People and roles</Link>.
        </p>
        {organizations.error ? <ErrorPanel error={organizations.error} onRetry={organizations.reload} /> : null}
        {organizations.data ? (
          <DataTable
            caption="Organizations of the program"
            columns={columnsFor(program, programQuota, edit)}
            rows={organizations.data.items}
            rowKey={(organization) => organization.slug}
            rowClassName="organization-row"
            empty={<p>No organizations yet. Add the first one below.</p>}
          />
        ) : organizations.status === "loading" ? (
          <Loading what="organizations" />
        ) : null}
      </section>
      <div className="admin-columns">
        <section aria-labelledby="organization-form-heading" className="panel">
          <h2 id="organization-form-heading" ref={heading} tabIndex={-1}>
            {editing ? `Edit ${editing.name}` : "Add an organization"}
          </h2>
          {saved ? (
            <Notice title={saved.added ? `${saved.organization.name} is added.` : `${saved.organization.name} is saved.`}>
              <p>
                {saved.added ? "Next, " : "You can "}
                <Link href={`${adminPaths.people(program)}?organization=${encodeURIComponent(saved.organization.slug)}#invite-heading`}>
                  invite its maintainers
                </Link>
                .
              </p>
            </Notice>
          ) : null}
          {editSlug && !editing && organizations.data ? (
            <p className="muted">The program has no organization “{editSlug}” to edit; add one below or choose Edit in a row.</p>
          ) : null}
          <OrganizationForm
            // A new form for each organization, and a fresh add form after adding one.
            key={editing ? `edit-${editing.slug}` : `add-${saved?.added ? saved.organization.slug : ""}`}
            program={program}
            editing={editing}
            programQuota={programQuota}
            onSaved={(organization, added) => {
              setSaved({ organization, added });
              organizations.reload();
              if (!added) setParams({ edit: null });
            }}
            onCancel={() => edit(null)}
          />
        </section>
      </div>
    </>
  );
}

/** `/admin/:program/organizations`: the program's organizations, with a form to add one or edit one. */
export function AdminOrganizationsPage({ program }: { program: string }) {
  return (
    <AdminFrame program={program} title="Organizations">
      {() => <Organizations program={program} />}
    </AdminFrame>
  );
}
