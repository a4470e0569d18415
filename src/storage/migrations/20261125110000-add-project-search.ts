import { sql } from "kysely";
import { isPostgres, type MigrationDb } from "./column-types.ts";

/**
 * Full-text search over projects: title, description, expected outcome and skills, ranked.
 * SQLite: an FTS5 index kept in step with `projects` by triggers. PostgreSQL: a generated,
 * weighted tsvector column with a GIN index. Either way every write path updates the index.
 */
export async function up(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`
      alter table projects add column search_vector tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(skills_text, '')), 'B') ||
        setweight(to_tsvector('english', coalesce(expected_outcome, '')), 'C') ||
        setweight(to_tsvector('english', coalesce(description, '')), 'D')
      ) stored`.execute(db);
    await sql`create index projects_search_vector on projects using gin (search_vector)`.execute(db);
    return;
  }
  await sql`
    create virtual table projects_fts using fts5(
      title, skills_text, expected_outcome, description,
      content = 'projects', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
    )`.execute(db);
  await sql`
    create trigger projects_fts_insert after insert on projects begin
      insert into projects_fts (rowid, title, skills_text, expected_outcome, description)
      values (new.id, new.title, new.skills_text, new.expected_outcome, new.description);
    end`.execute(db);
  await sql`
    create trigger projects_fts_delete after delete on projects begin
      insert into projects_fts (projects_fts, rowid, title, skills_text, expected_outcome, description)
      values ('delete', old.id, old.title, old.skills_text, old.expected_outcome, old.description);
    end`.execute(db);
  await sql`
    create trigger projects_fts_update after update of title, skills_text, expected_outcome, description on projects begin
      insert into projects_fts (projects_fts, rowid, title, skills_text, expected_outcome, description)
      values ('delete', old.id, old.title, old.skills_text, old.expected_outcome, old.description);
      insert into projects_fts (rowid, title, skills_text, expected_outcome, description)
      values (new.id, new.title, new.skills_text, new.expected_outcome, new.description);
    end`.execute(db);
  await sql`insert into projects_fts (projects_fts) values ('rebuild')`.execute(db);
}

/** Drops the search index. */
export async function down(db: MigrationDb): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop index projects_search_vector`.execute(db);
    await sql`alter table projects drop column search_vector`.execute(db);
    return;
  }
  for (const trigger of ["projects_fts_insert", "projects_fts_delete", "projects_fts_update"]) {
    await sql`drop trigger ${sql.id(trigger)}`.execute(db);
  }
  await sql`drop table projects_fts`.execute(db);
}
