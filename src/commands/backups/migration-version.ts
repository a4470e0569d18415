import { AppError } from "../../errors/app-error.ts";
import { MIGRATIONS } from "../../storage/migrations/index.ts";

/** Where a backup's schema stands against the migrations this version of Cohort knows. */
export interface MigrationVersion {
  /** The last migration recorded in the backup, or null when none has run. */
  version: string | null;
  /** The last migration this version knows. */
  latestKnown: string;
  /** How many known migrations the backup has not run yet (`cohort migrate` runs them). */
  pending: number;
}

/**
 * Compares the migrations recorded in a backup with those this version knows. A backup that
 * recorded a migration this version does not know comes from a newer version: it is refused,
 * since this version cannot run on its schema.
 */
export function compareWithKnownMigrations(file: string, recorded: readonly string[]): MigrationVersion {
  const known = Object.keys(MIGRATIONS).sort();
  const latestKnown = known.at(-1) ?? "";
  const unknown = recorded.filter((name) => !(name in MIGRATIONS));
  if (unknown.length > 0) {
    throw new AppError(
      "CONFLICT",
      `${file} comes from a newer version of Cohort (migration ${unknown.sort().at(-1)}; this version knows up to ${latestKnown}); restore it with that version or a newer one`,
    );
  }
  const ran = new Set(recorded);
  return { version: [...recorded].sort().at(-1) ?? null, latestKnown, pending: known.filter((name) => !ran.has(name)).length };
}
