import { sql } from "kysely";
import { MAX_MULTIPLIER } from "../../domain/stipends.ts";
import { cascadeTo, instantType, type MigrationDb } from "./column-types.ts";

/**
 * A program's stipend policy (WORKFLOW.md, "Mentorships, evaluations and stipends"): its
 * currency, base amount in minor units and installments (JSON of basis points and the evaluation
 * releasing each), and its table of country percentages, one row per country.
 */
export async function up(db: MigrationDb): Promise<void> {
  const instant = instantType(db);
  await db.schema
    .createTable("stipend_policies")
    .addColumn("program_id", "integer", (col) => col.primaryKey().references("programs.id").onDelete("cascade"))
    .addColumn("currency", "text", (col) => col.notNull())
    .addColumn("base_amount", "integer", (col) => col.notNull().check(sql`base_amount >= 0`))
    .addColumn("installments", "text", (col) => col.notNull())
    .addColumn("updated_by", "integer", (col) => col.references("people.id").onDelete("set null"))
    .addColumn("updated_at", instant, (col) => col.notNull())
    .execute();
  await db.schema
    .createTable("stipend_multipliers")
    .addColumn("program_id", "integer", cascadeTo("programs.id"))
    .addColumn("country", "text", (col) => col.notNull())
    .addColumn("basis_points", "integer", (col) => col.notNull().check(sql`basis_points > 0 and basis_points <= ${sql.lit(MAX_MULTIPLIER)}`))
    .addPrimaryKeyConstraint("stipend_multipliers_key", ["program_id", "country"])
    .execute();
}

/** Drops what `up` created. */
export async function down(db: MigrationDb): Promise<void> {
  await db.schema.dropTable("stipend_multipliers").execute();
  await db.schema.dropTable("stipend_policies").execute();
}
