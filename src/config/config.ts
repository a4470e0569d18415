import { isIP } from "node:net";
import { z } from "zod";
import { AppError } from "../errors/app-error.ts";

/** The default database: an SQLite file under ./data, created on first start. */
export const DEFAULT_DATABASE_URL = "sqlite:./data/cohort.db";

/** The sender of notification emails when COHORT_MAIL_FROM is not set. */
export const DEFAULT_MAIL_FROM = "Cohort <no-reply@localhost>";

/** The label of the OpenID Connect button when COHORT_OIDC_NAME is not set. */
export const DEFAULT_OIDC_NAME = "your organization's account";

/** The three variables that turn on sign-in with OpenID Connect: all of them, or none. */
const OIDC_VARIABLES = ["COHORT_OIDC_ISSUER", "COHORT_OIDC_CLIENT_ID", "COHORT_OIDC_CLIENT_SECRET"] as const;

/** Variables whose value is never repeated in an error message. */
const SECRET_VARIABLES = new Set<string>(["COHORT_OIDC_CLIENT_SECRET", "COHORT_METRICS_TOKEN"]);

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
  COHORT_OIDC_ISSUER: z
    .string()
    .trim()
    .refine(isIssuerUrl, {
      message: "must be an https:// URL such as https://accounts.example.org, with no query (http:// only on 127.0.0.1, ::1 or localhost, for testing)",
    })
    .optional(),
  COHORT_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  COHORT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  COHORT_OIDC_NAME: z.string().trim().min(1).max(80, "must be at most 80 characters").default(DEFAULT_OIDC_NAME),
  COHORT_TRUST_PROXY: z
    .string()
    .transform((value) => value.split(",").map((entry) => entry.trim()))
    .refine(isProxyList, {
      message: "must list the reverse proxies' addresses, comma-separated: IP addresses, CIDR ranges (10.0.0.0/8) or loopback, linklocal, uniquelocal",
    })
    .transform((entries) => entries.join(","))
    .optional(),
  COHORT_METRICS_TOKEN: z
    .string()
    .min(24, "must be at least 24 characters, such as the output of `openssl rand -hex 24`")
    .regex(/^[\x21-\x7e]+$/, "must be printable characters without spaces")
    .optional(),
});

/** Sign-in with an external OpenID Connect provider. */
export interface OidcConfig {
  /** The issuer identifier; discovery reads `<issuer>/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  /** Sent to the provider's token endpoint only; never logged or echoed. */
  clientSecret: string;
  /** The button label, e.g. "CNCF account". */
  name: string;
}

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
  /** Sign-in with OpenID Connect; undefined when COHORT_OIDC_* are not set. */
  oidc: OidcConfig | undefined;
  /** The bearer token `GET /metrics` asks for; undefined leaves the route out. Never logged or echoed. */
  metricsToken: string | undefined;
  /**
   * The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto headers are believed,
   * comma-separated (addresses, CIDR ranges, or loopback/linklocal/uniquelocal); undefined
   * believes none, so a client cannot pick its own address for the rate limits.
   */
  trustProxy: string | undefined;
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
    const got = SECRET_VARIABLES.has(variable) ? "a value that is not shown" : `"${hidePassword(env[variable] ?? "")}"`;
    throw new AppError("INVALID_CONFIG", `${variable} ${issue?.message ?? "is invalid"} (got ${got})`, { variable });
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
    oidc: oidcConfig(value),
    metricsToken: value.COHORT_METRICS_TOKEN,
    trustProxy: value.COHORT_TRUST_PROXY,
  };
}

/** The OpenID Connect settings, or undefined when none is set; a partial set names what is missing. */
function oidcConfig(value: z.infer<typeof ConfigSchema>): OidcConfig | undefined {
  const missing = OIDC_VARIABLES.filter((variable) => value[variable] === undefined);
  if (missing.length === OIDC_VARIABLES.length) return undefined;
  const { COHORT_OIDC_ISSUER: issuer, COHORT_OIDC_CLIENT_ID: clientId, COHORT_OIDC_CLIENT_SECRET: clientSecret } = value;
  if (issuer === undefined || clientId === undefined || clientSecret === undefined) {
    throw new AppError(
      "INVALID_CONFIG",
      `${missing.join(" and ")} ${missing.length === 1 ? "is" : "are"} missing: sign-in with OpenID Connect needs ${OIDC_VARIABLES.join(", ")} together (set all three, or none to turn it off)`,
      { variable: missing[0] },
    );
  }
  return { issuer, clientId, clientSecret, name: value.COHORT_OIDC_NAME };
}

/** An issuer URL: https, or http on a loopback address only (a provider run for tests). */
function isIssuerUrl(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") return false;
    if (url.protocol === "https:") return true;
    return url.protocol === "http:" && ["127.0.0.1", "[::1]", "localhost"].includes(url.hostname);
  } catch {
    return false;
  }
}

/** The names proxy-addr knows for address ranges, as Fastify's trustProxy takes them. */
const PROXY_RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/** Proxy addresses: IPs, CIDR ranges or named ranges. */
function isProxyList(entries: string[]): boolean {
  return entries.every((entry) => {
    if (PROXY_RANGE_NAMES.has(entry)) return true;
    const [address = "", bits, ...rest] = entry.split("/");
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return false;
    if (bits === undefined) return true;
    return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
  });
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
