import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "..");
const BIOME = path.join(ROOT, "node_modules", ".bin", "biome");

/** A file that breaks one import rule of docs/ARCHITECTURE.md, and words the error must say. */
interface Case {
  rule: string;
  file: string;
  source: string;
  says: string;
}

const forbidden: Case[] = [
  {
    rule: "policies never query",
    file: "src/policies/bad.ts",
    source: 'export { findPersonById } from "../storage/repos/account-repo.ts";',
    says: "src/policies decide on rows already loaded",
  },
  {
    rule: "policies never know HTTP",
    file: "src/policies/bad-http.ts",
    source: 'export { requireWriter } from "../server/auth.ts";',
    says: "src/policies decide on rows already loaded",
  },
  {
    rule: "presenters call no command",
    file: "src/presenters/bad.ts",
    source: 'export { signIn } from "../commands/sessions/sign-in.ts";',
    says: "the route calls the command",
  },
  {
    rule: "presenters run no queries",
    file: "src/presenters/bad-db.ts",
    source: 'export { inTransaction } from "../storage/transaction.ts";',
    says: "src/presenters run no queries",
  },
  {
    rule: "presenters import no repo",
    file: "src/presenters/bad-repo.ts",
    source: 'export type { CatalogResult } from "../storage/repos/catalog-repo.ts";',
    says: "row types come from src/storage/schema.ts",
  },
  {
    rule: "routes never call repos",
    file: "src/server/routes/x/routes.ts",
    source: 'export { findPersonById } from "../../../storage/repos/account-repo.ts";',
    says: "call a command from src/commands",
  },
  { rule: "routes never touch Kysely", file: "src/server/routes/x/schema.ts", source: 'export { sql } from "kysely";', says: "Routes never touch Kysely" },
  {
    rule: "cli calls commands",
    file: "src/cli/commands/bad.ts",
    source: 'export { findPersonById } from "../../storage/repos/account-repo.ts";',
    says: "src/cli calls commands from src/commands",
  },
  {
    rule: "only routes call presenters, not the CLI",
    file: "src/cli/commands/bad-presenter.ts",
    source: 'export { presentMe } from "../../presenters/me-presenter.ts";',
    says: "Only routes call presenters",
  },
  {
    rule: "only routes call presenters, not jobs",
    file: "src/jobs/handlers/bad-presenter.ts",
    source: 'export { presentMe } from "../../presenters/me-presenter.ts";',
    says: "Only routes call presenters",
  },
  {
    rule: "jobs use only their queues' repos",
    file: "src/jobs/handlers/bad.ts",
    source: 'export { grantRole } from "../../storage/repos/role-repo.ts";',
    says: "a handler writes through a command",
  },
  {
    rule: "commands never import jobs",
    file: "src/commands/bad.ts",
    source: 'export { createScheduler } from "../jobs/scheduler.ts";',
    says: "src/notifications",
  },
  {
    rule: "commands never know HTTP",
    file: "src/commands/bad-http.ts",
    source: 'export { requireWriter } from "../server/auth.ts";',
    says: "throw AppError from src/errors",
  },
  {
    rule: "commands return domain data",
    file: "src/commands/bad-presenter.ts",
    source: 'export { presentMe } from "../presenters/me-presenter.ts";',
    says: "the route presents it with src/presenters",
  },
  {
    rule: "Markdown rendering is pure",
    file: "src/markdown/bad.ts",
    source: 'export { findPersonById } from "../storage/repos/account-repo.ts";',
    says: "src/markdown is pure",
  },
  {
    rule: "web imports no server code",
    file: "web/src/bad.ts",
    source: 'export { signIn } from "../../src/commands/sessions/sign-in.ts";',
    says: "call the HTTP API",
  },
  {
    rule: "the demo is called by the server, not the other way round",
    file: "src/demo/bad.ts",
    source: 'export { buildApp } from "../server/app.ts";',
    says: "src/demo makes demo term pages",
  },
  { rule: "domain is pure", file: "src/domain/bad.ts", source: 'export { openDatabase } from "../storage/database.ts";', says: "src/domain is pure" },
];

// Imports the rules allow: proves the exceptions are not swallowed by the patterns around them.
const allowed: Array<Omit<Case, "says">> = [
  {
    rule: "cli opens the database",
    file: "src/cli/good.ts",
    source: 'export { openDatabase } from "../storage/database.ts";\nexport { migrateToLatest } from "../storage/migrate.ts";',
  },
  {
    rule: "the demo loads through the term-page import",
    file: "src/demo/good.ts",
    source:
      'export { importTermPageWithin } from "../commands/term-pages/import-term-page.ts";\nexport { hasNoPrograms } from "../storage/repos/program-repo.ts";',
  },
  { rule: "commands render Markdown", file: "src/commands/good.ts", source: 'export { renderProjectText } from "../markdown/render-markdown.ts";' },
  { rule: "jobs claim their queue", file: "src/jobs/good.ts", source: 'export { claimDueMessages } from "../storage/repos/outbox-repo.ts";' },
  { rule: "policies read row types", file: "src/policies/good.ts", source: 'export type { ProgramRow } from "../storage/schema.ts";' },
  { rule: "presenters read row types", file: "src/presenters/good.ts", source: 'export type { ProjectWithDetails } from "../storage/schema.ts";' },
  { rule: "routes read row types", file: "src/server/routes/x/good.ts", source: 'export type { ProgramRow } from "../../../storage/schema.ts";' },
  {
    rule: "web reads the vocabulary",
    file: "web/src/good.ts",
    source: 'export { ROLES } from "../../src/domain/roles.ts";\nexport type { MeResponse } from "../../src/schemas/account.ts";',
  },
];

/** The noRestrictedImports errors Biome reports, by file. */
function restrictedImports(output: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const match of output.matchAll(/^(\S+?):\d+:\d+ lint\/style\/noRestrictedImports[^\n]*\n\s*\n?\s*× ([^\n]+)/gm)) {
    const [, file = "", message = ""] = match;
    found.set(file, [...(found.get(file) ?? []), message]);
  }
  return found;
}

describe("the import rules of docs/ARCHITECTURE.md", () => {
  let dir: string;
  let found: Map<string, string[]>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "cohort-architecture-"));
    await copyFile(path.join(ROOT, "biome.json"), path.join(dir, "biome.json"));
    for (const { file, source } of [...forbidden, ...allowed]) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), `${source}\n`);
    }
    // Biome exits 1 when it reports errors: the output is what counts.
    const output = await run(BIOME, ["lint", "--vcs-enabled=false", "--max-diagnostics=200", "--colors=off", "."], { cwd: dir }).then(
      (done) => done.stdout + done.stderr,
      (failed: { stdout?: string; stderr?: string }) => `${failed.stdout ?? ""}${failed.stderr ?? ""}`,
    );
    found = restrictedImports(output);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(forbidden)("fails the lint when $rule is broken, saying what to do instead", ({ file, says }) => {
    expect(found.get(file)?.join("\n")).toContain(says);
  });

  it.each(allowed)("lets $rule", ({ file }) => {
    expect(found.get(file)).toBeUndefined();
  });
});
