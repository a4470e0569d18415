import { InvalidArgumentError } from "commander";
import { type Config, loadConfig } from "../config/config.ts";
import { AppError, isAppError } from "../errors/app-error.ts";

const FLAG_OF_VARIABLE: Record<string, keyof ConnectionFlags> = {
  COHORT_DATABASE_URL: "db",
  COHORT_HOST: "host",
  COHORT_PORT: "port",
};

/** Flags that override the environment, shared by the subcommands that open a database or listen. */
export interface ConnectionFlags {
  db?: string;
  host?: string;
  port?: number;
}

/** Parses --port: a whole number from 0 to 65535. */
export function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) {
    throw new InvalidArgumentError("must be a whole number from 0 to 65535.");
  }
  return port;
}

/**
 * The configuration: flags first, then COHORT_* variables, then defaults; validated once.
 * A bad value names the flag when it came from one, and the variable otherwise.
 */
export function configFrom(flags: ConnectionFlags, env: NodeJS.ProcessEnv = process.env): Config {
  try {
    return loadFlagsOverEnv(flags, env);
  } catch (error) {
    const variable = isAppError(error, "INVALID_CONFIG") ? String(error.details?.variable ?? "") : "";
    const flag = FLAG_OF_VARIABLE[variable];
    if (isAppError(error) && flag && flags[flag] !== undefined) {
      throw new AppError("INVALID_CONFIG", error.message.replace(variable, `--${flag}`), error.details);
    }
    throw error;
  }
}

function loadFlagsOverEnv(flags: ConnectionFlags, env: NodeJS.ProcessEnv): Config {
  return loadConfig({
    ...env,
    ...(flags.db !== undefined ? { COHORT_DATABASE_URL: flags.db } : {}),
    ...(flags.host !== undefined ? { COHORT_HOST: flags.host } : {}),
    ...(flags.port !== undefined ? { COHORT_PORT: String(flags.port) } : {}),
  });
}
