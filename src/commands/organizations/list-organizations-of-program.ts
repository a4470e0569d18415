import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listOrganizationsOfProgram as listOrganizations } from "../../storage/repos/organization-repo.ts";
import { listProjectsOfProgram } from "../../storage/repos/project-repo.ts";
import type { OrganizationRow, ProgramRow, ProjectOfProgram } from "../../storage/schema.ts";
import { requireProgramAdmin } from "../programs/require-program-admin.ts";

/** A program's organizations and the projects of all its terms. */
export interface OrganizationsOfProgram {
  /** The program, whose quota organizations without their own follow. */
  program: ProgramRow;
  organizations: OrganizationRow[];
  projects: ProjectOfProgram[];
}

/**
 * Every organization of the program and every project of its terms, whatever their state, so
 * that admin forms offer them by name (program admins only).
 */
export async function listOrganizationsOfProgram(options: { database: DatabaseHandle; actor: Actor; programSlug: string }): Promise<OrganizationsOfProgram> {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  const db = options.database.db;
  return { program, organizations: await listOrganizations(db, program.id), projects: await listProjectsOfProgram(db, program.id) };
}
