import type { OutboxState } from "../../domain/outbox-states.ts";
import type { Actor } from "../../policies/actor.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listOutbox } from "../../storage/repos/outbox-repo.ts";
import { requireProgramAdmin } from "../programs/require-program-admin.ts";

/** One page of the messages about the program, with their delivery state (program admins only). */
export async function readProgramOutbox(options: {
  database: DatabaseHandle;
  actor: Actor;
  programSlug: string;
  state?: OutboxState | undefined;
  page: number;
  limit: number;
}) {
  const program = await requireProgramAdmin(options.database, options.actor, options.programSlug);
  return listOutbox(options.database.db, {
    programId: program.id,
    limit: options.limit,
    offset: (options.page - 1) * options.limit,
    ...(options.state ? { state: options.state } : {}),
  });
}
