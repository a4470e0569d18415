import { z } from "zod";
import { AppError } from "../errors/app-error.ts";

/** The default database: an SQLite file under ./data, created on first start. */
export const DEFAULT_DATABASE_URL = "sqlite:./data/cohort.db";

/** The sender of notification emails when COHORT_MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = "Cohort <no-reply@localhost>";

const LogLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]);

/** Every setting Cohort reads from the environment, with its default. */
export const ConfigSchema = z.object({
  COHORT_DATABASE_URL: z
    .string()
    .trim()
    .min(1)
    .default(DEFAULT_DATABASE_URL)
    .refine((url) => /^(sqlite:|postgres(ql)?:\/\/)/.test(url), {
      message: "must start with sqlite: (e.g. sqlite:./data/cohort.db) or postgres:// (e.g. postgres://user:pass@host:5432/cohort)",
    }),
  COHORT_HOST: z.string().trim().min(1).default("127.0.0.1"),
  COHORT_PORT: z.coerce
    .number({ message: "must be a whole number from 0 to 65535" })
    .int("must be a whole number from 0 to 65535")
    .min(0, "must be a whole number from 0 to 65535")
    .max(65535, "must be a whole number from 0 to 65535")
    .default(3000),
  COHORT_LOG_LEVEL: LogLevel.default("info"),
  COHORT_PUBLIC_URL: z.url({ message: "must be an absolute URL such as https://cohort.example.org" }).optional(),
  COHORT_SMTP_URL: z
    .string()
    .trim()
    .refine(isSmtpUrl, {
      message: "must be an smtp:// or smtps:// URL such as smtp://user:password@smtp.example.org:587, with special characters of the password percent-encoded",
    })
    .optional(),
  COHORT_MAIL_FROM: z
    .string()
    .trim()
    .regex(/^[^<>@\s]+@[^<>@\s]+$|<[^<>@\s]+@[^<>@\s]+>$/, { message: "must be an address such as Cohort <no-reply@cohort.example.org>" })
    .default(DEFAULT_MAIL_FROM),
});

/** Validated configuration of one Cohort process. */
export interface Config {
  databaseUrl: string;
  host: string;
  port: number;
  logLevel: z.infer<typeof LogLevel>;
  publicUrl: string | undefined;
  /** Where notification emails go out; undefined keeps them in the outbox for admins to read. */
  smtpUrl: string | undefined;
  mailFrom: string;
}

/**
 * Reads and validates the configuration once, at start-up. A bad value throws an
 * INVALID_CONFIG error whose message names the variable and says what to write instead.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const relevant = Object.fromEntries(Object.keys(ConfigSchema.shape).map((key) => [key, emptyToUndefined(env[key])]));
  const parsed = ConfigSchema.safeParse(relevant);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "configuration");
    throw new AppError("INVALID_CONFIG", `${variable} ${issue?.message ?? "is invalid"} (got "${hidePassword(env[variable] ?? "")}")`, {
      variable,
    });
  }
  const value = parsed.data;
  return {
    databaseUrl: value.COHORT_DATABASE_URL,
    host: value.COHORT_HOST,
    port: value.COHORT_PORT,
    logLevel: value.COHORT_LOG_LEVEL,
    publicUrl: value.COHORT_PUBLIC_URL,
    smtpUrl: value.COHORT_SMTP_URL,
    mailFrom: value.COHORT_MAIL_FROM,
  };
}

function emptyToUndefined(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === "" ? undefined : value;
}

function isSmtpUrl(value: string): boolean {
  if (!/^smtps?:\/\//i.test(value)) return false;
  try {
    // An SMTP URL has no path: one here means an unencoded "/" or "@" in the password.
    const url = new URL(value);
    return url.hostname !== "" && (url.pathname === "" || url.pathname === "/");
  } catch {
    return false;
  }
}

/** A value with the password of any URL in it hidden, so a refused setting never prints a secret. */
function hidePassword(value: string): string {
  return value.replace(/(\/\/[^:/@\s]*:)\S*@/g, "$1***@");
}
