import fs from "node:fs";
import { openDatabase } from "../../storage/database.ts";
import type { DatabaseContents } from "../../storage/database-contents.ts";
import { readDatabaseContents } from "../../storage/database-contents.ts";
import type { DatabaseLocation } from "../../storage/database-url.ts";
import { readSqliteContents } from "../../storage/sqlite-backup.ts";

/**
 * The tables, row counts and migrations of a database. An SQLite file is read without
 * writing to it; a file that does not exist yet holds nothing.
 */
export async function readContents(location: DatabaseLocation): Promise<DatabaseContents> {
  if (location.dialect === "sqlite") {
    return fs.existsSync(location.file) && fs.statSync(location.file).size > 0 ? readSqliteContents(location.file) : { tables: [], migrations: [] };
  }
  const database = await openDatabase(location.connectionString, { poolSize: 1 });
  try {
    return await readDatabaseContents(database.db);
  } finally {
    await database.close();
  }
}
