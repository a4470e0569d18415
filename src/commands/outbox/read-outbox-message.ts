import { AppError } from "../../errors/app-error.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { findOutboxMessage } from "../../storage/repos/outbox-repo.ts";
import type { OutboxRow } from "../../storage/schema.ts";

/** A message of the outbox as the operator reads it: recipient, subject, state, attempts and bodies. */
export type OutboxMessage = OutboxRow;

/** One message of the outbox in full, links included, for the operator on the server (`cohort outbox show ID`). */
export async function readOutboxMessage(options: { database: DatabaseHandle; id: number }): Promise<OutboxMessage> {
  const message = await findOutboxMessage(options.database.db, options.id);
  if (!message) throw new AppError("NOT_FOUND", `There is no message ${options.id} in the outbox; \`cohort outbox\` lists them.`);
  return message;
}
