import { type Command, Option } from "commander";
import type { OutboxMessage } from "../../commands/outbox/read-outbox-message.ts";
import { OUTBOX_STATES, type OutboxState } from "../../domain/outbox-states.ts";
import { AppError } from "../../errors/app-error.ts";
import { configFrom } from "../options.ts";

const MAX_LIMIT = 1000;

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_LIMIT)
    throw new AppError("INVALID_INPUT", `--limit must be a number from 1 to ${MAX_LIMIT}, got "${value}"`);
  return limit;
}

function parseId(value: string): number {
  const id = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) {
    throw new AppError("INVALID_INPUT", `ID must be a message number from the first column of \`cohort outbox\`, got "${value}"`);
  }
  return id;
}

/** Opens the database of the flags, brought up to date, for the length of `work`. */
async function withDatabase<T>(flags: { db?: string }, work: (database: import("../../storage/database.ts").DatabaseHandle) => Promise<T>): Promise<T> {
  // Storage is loaded on use, so `cohort --help` starts fast.
  const { openDatabase } = await import("../../storage/database.ts");
  const { migrateToLatest } = await import("../../storage/migrate.ts");
  const database = await openDatabase(configFrom({ db: flags.db }).databaseUrl);
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

function attemptsText(attempts: number): string {
  return attempts === 1 ? "1 attempt" : `${attempts} attempts`;
}

/** One message as `cohort outbox show` prints it: the headers, then the plain text with its links. */
function messageText(message: OutboxMessage): string {
  const lines = [
    `Message ${message.id} · ${message.state} · ${attemptsText(message.attempts)}`,
    `To:       ${message.recipientEmail ?? "(no address)"}`,
    `Subject:  ${message.subject}`,
    `Created:  ${message.createdAt}`,
    message.sentAt ? `Sent:     ${message.sentAt}` : message.state === "pending" ? `Next try: ${message.nextAttemptAt}` : null,
    message.lastError ? `Error:    ${message.lastError}` : null,
    "",
    message.bodyText.trimEnd(),
  ];
  return `${lines.filter((line) => line !== null).join("\n")}\n`;
}

/**
 * `cohort outbox` and `cohort outbox show ID`: the emails the server has queued, account emails
 * included, for an operator whose server sends no email yet and who passes the links on by hand.
 * The links in the bodies are one-time secrets: the command works only where the database is.
 */
export function registerOutbox(program: Command): void {
  const outbox = program.command("outbox").description("list the emails the server queued and read one with its links (for servers without SMTP)");

  outbox
    .command("list", { isDefault: true })
    .description("list the newest messages: id, state, created, attempts, recipient and subject")
    .addOption(new Option("--state <state>", "only messages in this state").choices(OUTBOX_STATES))
    .addOption(new Option("--limit <n>", `at most this many messages (1-${MAX_LIMIT})`).argParser(parseLimit).default(50))
    .option("--db <url>", "database URL (COHORT_DATABASE_URL)")
    .option("--json", "print JSON, bodies included")
    .action(async (flags: { state?: OutboxState; limit: number; db?: string; json?: boolean }) => {
      const { listOutboxMessages } = await import("../../commands/outbox/list-outbox-messages.ts");
      const page = await withDatabase(flags, (database) => listOutboxMessages({ database, state: flags.state, limit: flags.limit }));
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        return;
      }
      if (page.items.length === 0) {
        process.stdout.write(flags.state ? `No ${flags.state} message in the outbox.\n` : "The outbox is empty.\n");
        return;
      }
      const rows = page.items.map((message) => [
        String(message.id),
        message.state,
        message.createdAt,
        String(message.attempts),
        message.recipientEmail ?? "",
        message.subject,
      ]);
      const header = ["ID", "STATE", "CREATED", "ATTEMPTS", "TO", "SUBJECT"];
      const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? "").length)));
      const line = (cells: string[]) => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join("  ");
      process.stdout.write(`${[header, ...rows].map(line).join("\n")}\n`);
      const shown =
        page.total > page.items.length
          ? `${page.items.length} of ${page.total} messages, newest first`
          : `${page.total} ${page.total === 1 ? "message" : "messages"}`;
      process.stdout.write(`${shown}. Read one with its links: cohort outbox show ID\n`);
    });

  outbox
    .command("show")
    .description("print one message in full: recipient, subject, state and the plain text with its links")
    .argument("<id>", "the message's number, from `cohort outbox`", parseId)
    .option("--db <url>", "database URL (COHORT_DATABASE_URL)")
    .option("--json", "print JSON")
    .action(async (id: number, flags: { db?: string; json?: boolean }) => {
      const { readOutboxMessage } = await import("../../commands/outbox/read-outbox-message.ts");
      const message = await withDatabase(flags, (database) => readOutboxMessage({ database, id }));
      process.stdout.write(flags.json ? `${JSON.stringify(message, null, 2)}\n` : messageText(message));
    });
}
