import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import type { ProgramRow } from "../../storage/schema.ts";
import { requireProgramAdmin } from "./require-program-admin.ts";

/** The program with its settings, for its admins only. */
export function getProgramSettings(options: { database: DatabaseHandle; actor: Actor; programSlug: string }): Promise<ProgramRow> {
  return requireProgramAdmin(options.database, options.actor, options.programSlug);
}
