import { instantType, type MigrationDb } from "./column-types.ts";

/**
 * Sign-ins with an OpenID Connect provider that have left for the provider and not come back
 * yet: what the callback needs to check the answer (nonce, PKCE verifier) and where to go
 * after. Kept in the database rather than a signed cookie so that several server processes
 * share them without a shared secret; rows live ten minutes.
 */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  await db.schema
    .createTable("oidc_logins")
    .addColumn("state_hash", "text", (col) => col.primaryKey())
    .addColumn("provider", "text", (col) => col.notNull())
    .addColumn("nonce", "text", (col) => col.notNull())
    .addColumn("code_verifier", "text", (col) => col.notNull())
    .addColumn("return_to", "text", (col) => col.notNull())
    .addColumn("created_at", instant, (col) => col.notNull())
    .addColumn("expires_at", instant, (col) => col.notNull())
    .execute();
  await db.schema.createIndex("oidc_logins_expires_at").on("oidc_logins").column("expires_at").execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("oidc_logins").execute();
}
