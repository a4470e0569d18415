import type { ProgramOrganizationsResponse, ProgramProjectChoice } from "../schemas/admin.ts";
import type { OrganizationRow, ProjectOfProgram } from "../storage/schema.ts";

/** A program's organizations by name, each with its projects (newest term first), for admin forms. */
export function presentProgramOrganizations(organizations: OrganizationRow[], projects: ProjectOfProgram[]): ProgramOrganizationsResponse {
  const byOrganization = new Map<number, ProgramProjectChoice[]>();
  for (const project of projects) {
    const choice = { slug: project.slug, title: project.title, term: { slug: project.termSlug, title: project.termTitle } };
    const list = byOrganization.get(project.organizationId);
    if (list) list.push(choice);
    else byOrganization.set(project.organizationId, [choice]);
  }
  return {
    items: organizations.map((organization) => ({ slug: organization.slug, name: organization.name, projects: byOrganization.get(organization.id) ?? [] })),
  };
}
