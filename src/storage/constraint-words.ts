/** What each table holds, in the words a person uses. */
const TABLE_WORDS: Record<string, string> = {
  programs: "program",
  terms: "term",
  timeline_phases: "timeline row",
  organizations: "organization",
  people: "person",
  projects: "project",
  project_mentors: "project mentor",
  skills: "skill",
  project_skills: "project skill",
  upstream_links: "upstream link",
  audit_events: "audit event",
  outbox: "notification",
  sessions: "session",
  api_tokens: "API token",
  account_tokens: "account link",
  role_grants: "role",
  invitations: "invitation",
  identities: "sign-in identity",
  oidc_logins: "sign-in attempt",
  scheduled_jobs: "scheduled job",
};

/** Column names in words; a column not listed is read with its underscores as spaces. */
const COLUMN_WORDS: Record<string, string> = {
  github_handle: "GitHub handle",
  email: "email address",
  token_hash: "secret",
  dedupe_key: "key",
};

/** Columns whose value a message may repeat: what the person typed, never a secret. */
const VALUES_SHOWN = new Set(["github_handle", "email", "slug", "tag", "name"]);

/** Unique indexes on expressions, which the drivers name only by the index. */
const UNIQUE_INDEXES: Record<string, { table: string; columns: string[]; sentence?: string }> = {
  people_github_handle_unique: { table: "people", columns: ["github_handle"] },
  people_email_unique: { table: "people", columns: ["email"] },
  projects_slug_unique: { table: "projects", columns: ["slug"] },
  role_grants_unique: { table: "role_grants", columns: [], sentence: "This person already has this role." },
};

/** Check constraints a person can run into, told as the rule they stand for. */
const CHECK_RULES: Record<string, string> = {
  timeline_phases_ordered: "A timeline row must not end before it starts",
  programs_application_limit_range: "A program's application limit must be between 1 and 100",
  projects_slots_range: "A project must have between 0 and 100 slots",
  projects_title_present: "A project must have a title",
  api_tokens_name_present: "An API token must have a name",
  people_email_shape: "An email address must have an @ between two parts",
};

/** The rule a check constraint stands for, in words, when Cohort knows it. */
export function describeCheck(constraint: string): string | undefined {
  return CHECK_RULES[constraint];
}

/** A constraint in words: the kind of object, the field (when one is known) and whether its value may be shown. */
export interface ConstraintWords {
  thing: string;
  field?: string | undefined;
  /** The key's columns, in the driver's order. */
  columns: string[];
  /** The one column whose value a message may repeat, when there is one. */
  valueColumn?: string | undefined;
  /** A whole sentence, for a constraint that reads better told its own way. */
  sentence?: string | undefined;
}

/** The words for a table: "people" → "person"; an unknown table is a "record". */
export function describeTable(table: string): string {
  return TABLE_WORDS[table] ?? "record";
}

/**
 * Names what a constraint protects, from the table and columns the driver reports (or the index
 * name when it reports only that). Columns that only scope the key (`program_id` in
 * `program_id, slug`) are left out: "an organization with this slug".
 */
export function describeConstraint(target: { table: string | undefined; columns: string[] | undefined; constraint: string | undefined }): ConstraintWords {
  const index = target.constraint ? UNIQUE_INDEXES[target.constraint] : undefined;
  const table = index?.table ?? target.table;
  const columns = index?.columns ?? target.columns ?? [];
  const named = columns.filter((column) => !column.endsWith("_id"));
  const shown = named.length > 0 ? named : columns;
  const field = shown.length > 0 ? shown.map((column) => COLUMN_WORDS[column] ?? column.replace(/_/g, " ")).join(" and ") : undefined;
  return {
    thing: table ? describeTable(table) : "record",
    field,
    columns,
    valueColumn: shown.length === 1 && VALUES_SHOWN.has(shown[0] ?? "") ? shown[0] : undefined,
    sentence: index?.sentence,
  };
}

/** "person" → "a person", "organization" → "an organization" (capitalized on request). */
export function withArticle(noun: string, options: { capital?: boolean } = {}): string {
  const article = /^[aeiou]/i.test(noun) ? "an" : "a";
  return `${options.capital ? article.charAt(0).toUpperCase() + article.slice(1) : article} ${noun}`;
}
