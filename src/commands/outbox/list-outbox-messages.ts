import type { OutboxState } from "../../domain/outbox-states.ts";
import type { DatabaseHandle } from "../../storage/database.ts";
import { listOutbox, type OutboxPage } from "../../storage/repos/outbox-repo.ts";

/**
 * Every message of the outbox, newest first, account emails included: what the operator reads
 * on the server itself (`cohort outbox`) when it has no SMTP server, so the bodies and their
 * one-time links are there on purpose. No actor: only someone with the database may run it.
 */
export function listOutboxMessages(options: { database: DatabaseHandle; state?: OutboxState | undefined; limit: number }): Promise<OutboxPage> {
  return listOutbox(options.database.db, { limit: options.limit, offset: 0, ...(options.state ? { state: options.state } : {}) });
}
