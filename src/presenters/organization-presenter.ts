import { effectiveProjectQuota } from "../domain/project-quota.ts";
import type { ProgramOrganizationsResponse, ProgramProjectChoice } from "../schemas/admin.ts";
import type { Organization } from "../schemas/organization.ts";
import type { OrganizationRow, ProgramRow, ProjectOfProgram } from "../storage/schema.ts";

/** An organization with its details and the quota that applies to it, for its program's admins. */
export function presentOrganization(organization: OrganizationRow, program: ProgramRow): Organization {
  return {
    slug: organization.slug,
    name: organization.name,
    website: organization.website,
    repositoryUrl: organization.repositoryUrl,
    description: organization.description,
    projectQuota: organization.projectQuota,
    effectiveProjectQuota: effectiveProjectQuota(organization, program),
  };
}

/** A program's organizations by name, each with its details and its projects (newest term first), for admin forms. */
export function presentProgramOrganizations(program: ProgramRow, organizations: OrganizationRow[], projects: ProjectOfProgram[]): ProgramOrganizationsResponse {
  const byOrganization = new Map<number, ProgramProjectChoice[]>();
  for (const project of projects) {
    const choice = { slug: project.slug, title: project.title, term: { slug: project.termSlug, title: project.termTitle } };
    const list = byOrganization.get(project.organizationId);
    if (list) list.push(choice);
    else byOrganization.set(project.organizationId, [choice]);
  }
  return {
    items: organizations.map((organization) => ({ ...presentOrganization(organization, program), projects: byOrganization.get(organization.id) ?? [] })),
  };
}
