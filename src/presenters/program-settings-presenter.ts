import type { ProgramSettings } from "../schemas/program-settings.ts";
import type { ProgramRow } from "../storage/schema.ts";

/** A program's settings, as its admins see them. */
export function presentProgramSettings(program: ProgramRow): ProgramSettings {
  return {
    slug: program.slug,
    name: program.name,
    timeZone: program.timeZone,
    applicationLimit: program.applicationLimit,
    projectQuota: program.projectQuota,
    slotBudget: program.slotBudget,
    offerResponseHours: program.offerResponseHours,
    updatedAt: program.updatedAt,
  };
}
