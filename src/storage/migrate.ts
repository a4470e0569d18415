import { type Kysely, type MigrationResult, Migrator } from "kysely";
import { AppError } from "../errors/app-error.ts";
import { MIGRATIONS } from "./migrations/index.ts";
import type { Database } from "./schema.ts";

/** One migration and whether it has run. */
export interface MigrationState {
  name: string;
  executedAt: string | null;
}

/** What a migration run did: each migration it touched, and whether it succeeded. */
export interface MigrateOutcome {
  applied: string[];
  failed: string | null;
}

function migratorFor(db: Kysely<Database>): Migrator {
  return new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
}

/**
 * Runs every pending migration, each in its own transaction. Safe to call from several
 * processes at once: Kysely's migration lock lets one run while the others wait.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrateOutcome> {
  const { error, results } = await migratorFor(db).migrateToLatest();
  return summarize(results, error);
}

/** Undoes the most recent migration (for development). */
export async function migrateDown(db: Kysely<Database>): Promise<MigrateOutcome> {
  const { error, results } = await migratorFor(db).migrateDown();
  return summarize(results, error);
}

/** Lists every migration this build knows and when it ran, oldest first. */
export async function migrationStatus(db: Kysely<Database>): Promise<MigrationState[]> {
  const migrations = await migratorFor(db).getMigrations();
  return migrations.map((migration) => ({
    name: migration.name,
    executedAt: migration.executedAt ? migration.executedAt.toISOString() : null,
  }));
}

function summarize(results: MigrationResult[] | undefined, error: unknown): MigrateOutcome {
  const applied = (results ?? []).filter((result) => result.status === "Success").map((result) => result.migrationName);
  const failedResult = (results ?? []).find((result) => result.status === "Error");
  if (error) {
    const name = failedResult?.migrationName ?? "the migration table";
    throw new AppError("INTERNAL", `Migration ${name} failed: ${(error as Error).message ?? String(error)}`, { applied });
  }
  return { applied, failed: null };
}
