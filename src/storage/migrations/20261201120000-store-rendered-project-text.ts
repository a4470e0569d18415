import { renderProjectText } from "../../markdown/render-markdown.ts";
import type { MigrationDb } from "./column-types.ts";

/**
 * A project's description and expected outcome as sanitized HTML, and its card summary, stored
 * when the project is written: rendering Markdown on every read let one hostile description
 * hold a request (or the whole server) for seconds. Existing rows are rendered here, once.
 */
export async function up(db: MigrationDb): Promise<void> {
  // SQLite adds one column per statement.
  for (const column of ["description_html", "expected_outcome_html", "summary"]) {
    await db.schema
      .alterTable("projects")
      .addColumn(column, "text", (col) => col.notNull().defaultTo(""))
      .execute();
  }
  const rows = await db.selectFrom("projects").select(["id", "description", "expected_outcome as outcome"]).execute();
  for (const row of rows) {
    const text = renderProjectText({ description: row.description, expectedOutcome: row.outcome });
    await db
      .updateTable("projects")
      .set({ description_html: text.descriptionHtml, expected_outcome_html: text.expectedOutcomeHtml, summary: text.summary })
      .where("id", "=", row.id)
      .execute();
  }
}

/** Drops what `up` added. */
export async function down(db: MigrationDb): Promise<void> {
  for (const column of ["summary", "expected_outcome_html", "description_html"]) {
    await db.schema.alterTable("projects").dropColumn(column).execute();
  }
}
