import { instantType, type MigrationDb } from "./column-types.ts";

/**
 * What the outbox worker needs to deliver each message at most once: the instant a claim's
 * lease runs out (`locked_until`), and the stable Message-ID header the message is sent with.
 */
export async function up(db: MigrationDb): Promise<void> {
  // SQLite adds one column per statement.
  await db.schema.alterTable("outbox").addColumn("locked_until", instantType(db)).execute();
  await db.schema.alterTable("outbox").addColumn("message_id", "text").execute();
}

/** Drops what `up` added. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("message_id").execute();
  await db.schema.alterTable("outbox").dropColumn("locked_until").execute();
}
